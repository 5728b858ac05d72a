package org.callgate.app.ui;

import java.nio.file.Files;
import org.callgate.app.demo.Sipp;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests when Debian's chromium, its chromedriver or SIPp is missing, with a
 * message saying how to get them ({@code scripts/test} installs all three); under {@code
 * CALLGATE_REQUIRE_ALL=1} (set by {@code scripts/test}) a missing tool fails the tests instead.
 */
final class BrowserRequired implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.DRIVER)
                ? Sipp.installed() ? null : "SIPp (sip-tester)"
                : "chromium and chromium-driver (" + Browser.CHROMIUM + ", " + Browser.DRIVER + ")";
        if (missing == null) {
            return ConditionEvaluationResult.enabled("chromium, chromedriver and SIPp are installed");
        }
        String message =
                missing + " not installed: run scripts/test, or apt-get install chromium chromium-driver sip-tester";
        if ("1".equals(System.getenv("CALLGATE_REQUIRE_ALL"))) {
            throw new IllegalStateException(message + " (CALLGATE_REQUIRE_ALL=1 forbids skipping)");
        }
        return ConditionEvaluationResult.disabled(message);
    }
}

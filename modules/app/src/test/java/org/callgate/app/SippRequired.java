package org.callgate.app;

import org.callgate.app.demo.Sipp;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a test class that drives real SIPp peers when SIPp is not installed ({@code scripts/test} installs it). */
final class SippRequired implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Sipp.installed()
                ? ConditionEvaluationResult.enabled("SIPp is installed")
                : ConditionEvaluationResult.disabled("SIPp (sip-tester) is not installed: run scripts/test");
    }
}

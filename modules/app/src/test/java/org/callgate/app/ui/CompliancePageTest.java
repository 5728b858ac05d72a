package org.callgate.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.callgate.app.UiGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The compliance page in a real chromium against a gateway that recorded a real SIPp banking
 * call: a supervisor is refused the recording (R8, R11), compliance plays it with a reason and
 * sees both channels' waveforms, places a legal hold (R19), and handles data-subject requests:
 * logs, verifies, carries out and answers one, and downloads an access request's export (R12, R22).
 */
@ExtendWith(BrowserRequired.class)
class CompliancePageTest {

    /** Pixels of each lane's colour above what a silent (flat) lane would draw: a tone was drawn. */
    private static final String LANE_PIXELS = """
            const canvas = document.getElementById('waveform');
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            const lanes = [[31, 111, 178], [178, 90, 31]];
            const counts = [0, 0];
            for (let i = 0; i < data.length; i += 4) {
              lanes.forEach((c, lane) => {
                if (Math.abs(data[i] - c[0]) < 8 && Math.abs(data[i + 1] - c[1]) < 8 && Math.abs(data[i + 2] - c[2]) < 8) counts[lane]++;
              });
            }
            return counts;
            """;

    @TempDir
    static Path dir;

    private static UiGateway callgate;
    private static String callId;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeAll
    static void start() throws Exception {
        callgate = UiGateway.start(dir);
        callId = callgate.recordedBankingCall();
    }

    @AfterAll
    static void stop() {
        if (callgate != null) {
            callgate.close();
        }
    }

    @Test
    void aSupervisorShouldNotOpenABankingRecordingAndShouldSeeWhy() throws Exception {
        browser.logIn(callgate.url(), UiGateway.SUPERVISOR, UiGateway.PASSWORD, "/compliance.html");
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("recording-list"), "No recordings"));
        assertThat(browser.all("button.play")).isEmpty();
        assertThat(browser.all("#tab-holds, #tab-audit"))
                .allSatisfy(tab -> assertThat(tab.isDisplayed()).isFalse());

        browser.find("#call-id").sendKeys(callId, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
        browser.find("#reason").sendKeys("coaching", Keys.ENTER);

        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "refused"));
        assertThat(browser.find("#player-error").getAttribute("data-status")).isEqualTo("403");
        assertThat(browser.find("#player-error").getText()).isEqualTo("403: you may not hear this recording");
        assertThat(browser.script("return document.getElementById('audio').getAttribute('src')"))
                .isNull();
        String cookie = "callgate_session="
                + browser.driver().manage().getCookieNamed("callgate_session").getValue();
        HttpResponse<String> direct = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        callgate.url() + "/api/v1/recordings/" + callId + "/audio?reason=coaching"))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(403);

        browser.find("#reason").sendKeys(Keys.ESCAPE);
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("player")));
    }

    @Test
    void complianceShouldPlayABankingRecordingAndSeeBothChannelsOnOneTimeAxis() throws Exception {
        browser.logIn(callgate.url(), UiGateway.COMPLIANCE, UiGateway.PASSWORD, "/compliance.html");
        long readsBefore = callgate.auditCount("recording.read");
        By play = By.cssSelector("button.play[data-call='" + callId + "']");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(play)).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
        browser.find("#reason-play").click();
        assertThat(browser.find("#player-error").getText()).isEqualTo("A reason is required.");
        browser.find("#reason").sendKeys("complaint C-17", Keys.ENTER);

        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("player"), "data-waveform", "drawn"));
        browser.waiting()
                .withMessage("the audio element to know the recording's duration")
                .until(driver ->
                        ((Number) browser.script("return document.getElementById('audio').duration || 0")).doubleValue()
                                > 0);
        double duration = ((Number) browser.script("return document.getElementById('audio').duration")).doubleValue();
        assertThat(duration).isBetween(2.0, 6.0);
        @SuppressWarnings("unchecked")
        java.util.List<Number> lanes = (java.util.List<Number>) browser.script(LANE_PIXELS);
        int width = ((Number) browser.script("return document.getElementById('waveform').width")).intValue();
        assertThat(lanes).allSatisfy(count -> assertThat(count.intValue()).isGreaterThan(5 * width));
        assertThat(callgate.auditCount("recording.read")).isEqualTo(readsBefore + 1);
        assertThat(browser.securityPolicyViolations()).isEmpty();
        assertThat(browser.unlabelledControls()).isEmpty();
        browser.documentationScreenshot("player.png");

        browser.find("#audio").sendKeys(Keys.ESCAPE);
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("player")));
        assertThat(browser.script("return document.getElementById('audio').getAttribute('src')"))
                .isNull();
    }

    @Test
    void complianceShouldSeeTheAuditChainIntactTheCallInTheCompletenessReportAndTheDashboardChart() throws Exception {
        browser.logIn(callgate.url(), UiGateway.COMPLIANCE, UiGateway.PASSWORD, "/compliance.html");

        browser.find("#tab-audit").click();
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("audit-verification"), "data-state", "intact"));
        assertThat(browser.find("#audit-list").getText()).contains("login", UiGateway.COMPLIANCE);

        browser.find("#tab-reports").sendKeys(Keys.ARROW_RIGHT);
        browser.find("#tab-reports").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("completeness-form")));
        browser.find("#completeness-form button").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("completeness"), callId));
        assertThat(browser.find("#completeness [role=status]").getText()).isEqualTo("Every banking call was recorded.");

        browser.find("#tab-dashboard").click();
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("chart"), "data-drawn", "true"));
        assertThat(browser.all("#chart canvas")).hasSize(1);
        assertThat(browser.find("#chart-summary").getAttribute("textContent")).contains("banking: 1 calls");
        assertThat(browser.securityPolicyViolations()).isEmpty();
        assertThat(browser.find("#dashboard-error").isDisplayed()).isFalse();
    }

    @Test
    void complianceShouldPlaceALegalHoldOnTheRecordingWithTheForm() throws Exception {
        browser.logIn(callgate.url(), UiGateway.COMPLIANCE, UiGateway.PASSWORD, "/compliance.html");
        browser.find("#tab-holds").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-form")));
        new org.openqa.selenium.support.ui.Select(browser.find("#h-scope")).selectByValue("recording");
        browser.find("#h-value").sendKeys(callId);
        browser.find("#h-case").sendKeys("C-17");
        browser.find("#h-reason").sendKeys("complaint about a transfer", Keys.ENTER);

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("holds-status"), "C-17"));
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hold-list button.release")));
        assertThat(browser.find("#hold-list").getText()).contains(callId, "C-17", UiGateway.COMPLIANCE);
        assertThat(browser.find("#holds-error").isDisplayed()).isFalse();
        assertThat(callgate.auditCount("hold.place")).isEqualTo(1);
    }

    @Test
    void complianceShouldLogVerifyAndCarryOutARequestAndDownloadAnAccessExport() throws Exception {
        browser.logIn(callgate.url(), UiGateway.COMPLIANCE, UiGateway.PASSWORD, "/compliance.html");
        browser.find("#tab-requests").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("request-form")));

        logRequest("erasure", "0470 11 22 33");
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-list button.verify")))
                .click();
        browser.find("#step-text").sendKeys("ID card at the desk", Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("requests-status"), "identity checked"));
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-list button.carry-out")))
                .click();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("request-outcome"), "erasure: 0 records erased, 0 kept."));
        assertThat(callgate.auditCount("request.carry-out")).isEqualTo(1);
        browser.find("#request-list button.answer").click();
        browser.find("#step-text").sendKeys("nothing was held about you", Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("requests-status"), "answered"));

        logRequest("access", "0470 11 22 34");
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-list button.verify")))
                .click();
        browser.find("#step-text").sendKeys("call back", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#request-list a.export")));
        Object download = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const href = document.querySelector('#request-list a.export').getAttribute('href');
                fetch(href, {credentials: 'same-origin'})
                  .then((r) => done(r.status + ' ' + r.headers.get('content-type')), (e) => done(String(e)));
                """);
        assertThat(download).isEqualTo("200 application/zip");
        assertThat(callgate.auditCount("request.export")).isEqualTo(1);
        assertThat(browser.find("#requests-error").isDisplayed()).isFalse();
        assertThat(browser.securityPolicyViolations()).isEmpty();
        assertThat(browser.unlabelledControls()).isEmpty();
    }

    private void logRequest(String type, String number) {
        new org.openqa.selenium.support.ui.Select(browser.find("#q-type")).selectByValue(type);
        browser.find("#q-phone").sendKeys(number);
        browser.find("#q-via").sendKeys("letter", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("requests-status"), "logged"));
    }
}

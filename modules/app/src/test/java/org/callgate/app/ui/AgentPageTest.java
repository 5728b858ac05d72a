package org.callgate.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.callgate.app.UiGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent page in a real chromium against a running gateway: search as you type in any number
 * format, open the dossier, the screen pop of a ringing SIPp call, and injected queries that stay
 * text (R2, R11).
 */
@ExtendWith(BrowserRequired.class)
class AgentPageTest {

    @TempDir
    static Path dir;

    private static UiGateway callgate;
    private static String dossier;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeAll
    static void start() throws Exception {
        callgate = UiGateway.start(dir);
        dossier = callgate.dossier("Dubois", "Marie", "0475 12 34 56");
    }

    @AfterAll
    static void stop() {
        if (callgate != null) {
            callgate.close();
        }
    }

    @Test
    void anAgentShouldFindADossierByItsNumberInThreeFormatsAndOpenIt() throws Exception {
        browser.logIn(callgate.url(), UiGateway.AGENT, UiGateway.PASSWORD, "/agent.html");
        WebElement box = browser.find("#q");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(box);

        for (String typed : List.of("0475 12 34 56", "+32 475 12 34 56", "0032475123456")) {
            box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results li"), 0));
            box.sendKeys(typed);
            browser.waiting()
                    .withMessage("a result for " + typed)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#results button.hit[data-dossier='" + dossier + "']")));
        }
        browser.find("#results button.hit[data-dossier='" + dossier + "']").click();

        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("dossier"), "data-number", dossier));
        assertThat(browser.find("#dossier").isDisplayed()).isTrue();
        assertThat(browser.find("#dossier-title").getText()).isEqualTo("Dubois, Marie (" + dossier + ")");
        assertThat(browser.find("#dossier-fields").getText()).contains(UiGateway.CALLER);
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.find("#dossier"));
        assertThat(browser.securityPolicyViolations()).isEmpty();
        assertThat(browser.unlabelledControls()).isEmpty();
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("live-state"), "data-state", "live.connected"));
        browser.documentationScreenshot("agent.png");
    }

    @Test
    void anAgentShouldSeeARingingCallPopUpWithTheCallersDossier() throws Exception {
        browser.logIn(callgate.url(), UiGateway.AGENT, UiGateway.PASSWORD, "/agent.html");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("live-state"), "data-state", "live.connected"));

        try (AutoCloseable call = callgate.ringingCall(4)) {
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("popup")));
            assertThat(browser.find("#popup").getAttribute("data-dossier")).isEqualTo(dossier);
            assertThat(browser.find("#popup-text").getText()).contains("Dubois, Marie", UiGateway.CALLER);
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.find("#popup"));
            assertThat(browser.find("#live-announce").getText()).contains("Dubois, Marie");
            browser.waiting().until(ExpectedConditions.attributeToBe(By.id("dossier"), "data-number", dossier));

            browser.find("#popup").sendKeys(Keys.ESCAPE);
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("popup")));
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.find("#q"));
        }
    }

    @Test
    void anAgentShouldCreateADossierAndCheckTheIbanTheCallerSaysWithoutSeeingIt() {
        browser.logIn(callgate.url(), UiGateway.AGENT, UiGateway.PASSWORD, "/agent.html");
        browser.find("#new-dossier").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-form")));
        browser.find("#f-service").sendKeys("banking");
        browser.find("#f-name").sendKeys("Peeters");
        browser.find("#f-firstName").sendKeys("Jan");
        browser.find("#f-phones").sendKeys("0470 11 22 33, not a number");
        browser.find("#f-iban").sendKeys("BE71 0961 2345 6769", Keys.ENTER);

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-error")));
        assertThat(browser.find("#editor-error").getAttribute("data-status")).isEqualTo("422");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.find("#f-phones"));
        browser.find("#f-phones").clear();
        browser.find("#f-phones").sendKeys("0470 11 22 33", Keys.ENTER);

        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("dossier-title"), "Peeters, Jan"));
        assertThat(browser.find("#dossier-editor").isDisplayed()).isFalse();
        assertThat(browser.find("#dossier-fields").getText())
                .contains("+32470112233")
                .doesNotContain("0961 2345");
        browser.find("#check-value").sendKeys("BE71096123456769", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBe(By.id("check-outcome"), "The IBAN matches the dossier."));
        browser.find("#check-value").sendKeys("BE68 5390 0754 7034", Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.textToBe(By.id("check-outcome"), "The IBAN does NOT match the dossier."));
        assertThat(browser.find("#check-value").getAttribute("value")).isEmpty();
    }

    @Test
    void theLabelsShouldBeEnglishFromTheBrowserAndFollowTheSwitcherToDutchAndFrench() {
        browser.logIn(callgate.url(), UiGateway.AGENT, UiGateway.PASSWORD, "/agent.html");
        assertThat(browser.find("#search-title").getText()).isEqualTo("Find a caller");

        new Select(browser.find("#lang")).selectByValue("nl");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("search-title"), "Beller zoeken"));
        assertThat(browser.find("label[for=q]").getText()).isEqualTo("Nummer, naam, dossier, barcode of IBAN");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("nl");

        browser.driver().navigate().refresh();
        browser.waitReady();
        assertThat(browser.find("#search-title").getText()).isEqualTo("Beller zoeken");
        new Select(browser.find("#lang")).selectByValue("fr");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("search-title"), "Trouver un appelant"));
        assertThat(browser.find("#logout").getText()).isEqualTo("Se déconnecter");
    }

    @Test
    void injectedQueriesShouldStayTextRunNoScriptAndLeaveThePageWorking() {
        browser.logIn(callgate.url(), UiGateway.AGENT, UiGateway.PASSWORD, "/agent.html");
        WebElement box = browser.find("#q");
        List<String> injections = List.of(
                "<img src=x onerror=\"window.injected=1;alert(1)\">",
                "\"",
                "*",
                "name:* OR \"",
                "field:value",
                "'); DROP TABLE dossiers; --",
                "<script>window.injected=2</script>");

        for (String injection : injections) {
            box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            box.sendKeys(injection, Keys.ENTER);
            browser.waiting()
                    .withMessage("an answer to " + injection)
                    .until(ExpectedConditions.attributeToBe(By.id("results"), "data-answered", injection));
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
            assertThat(browser.all("#results img, #results script, #search-error img"))
                    .isEmpty();
            if (browser.find("#search-error").isDisplayed()) {
                assertThat(browser.find("#search-error").getAttribute("data-status"))
                        .isEqualTo("400");
            }
            assertThat(browser.find("#q").getAttribute("value")).isEqualTo(injection);
        }

        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        box.sendKeys("Dubois");
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#results button.hit[data-dossier='" + dossier + "']")));
        assertThat(browser.all("header nav a")).isNotEmpty();
        assertThat(browser.securityPolicyViolations()).isEmpty();
    }
}

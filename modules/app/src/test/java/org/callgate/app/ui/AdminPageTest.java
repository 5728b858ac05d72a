package org.callgate.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The admin page in a real chromium: users listed, added and disabled; the configuration read-only (R11). */
@ExtendWith(BrowserRequired.class)
class AdminPageTest {

    @TempDir
    static Path dir;

    private static UiGateway callgate;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeAll
    static void start() throws Exception {
        callgate = UiGateway.start(dir);
    }

    @AfterAll
    static void stop() {
        if (callgate != null) {
            callgate.close();
        }
    }

    @Test
    void anAdminShouldAddAUserDisableItAndReadTheConfiguration() {
        browser.logIn(callgate.url(), UiGateway.ADMIN, UiGateway.PASSWORD, "/admin.html");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-user=anna]")));
        assertThat(browser.find("#user-list").getText()).contains("anna", "sam", "cora", "ada");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("config"), "service-lines"));
        assertThat(browser.find("#config").getText()).contains("banking").doesNotContain(UiGateway.PASSWORD);

        browser.find("#u-name").sendKeys("bob");
        browser.find("#u-roles").sendKeys("agent");
        browser.find("#u-password").sendKeys(UiGateway.PASSWORD, Keys.ENTER);
        By bob = By.cssSelector("button[data-user=bob]");
        browser.waiting().until(ExpectedConditions.textToBe(bob, "Disable"));
        browser.find("button[data-user=bob]").click();
        browser.waiting().until(ExpectedConditions.textToBe(bob, "Enable"));

        assertThat(browser.find("#users-error").isDisplayed()).isFalse();
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.securityPolicyViolations()).isEmpty();
    }
}

package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An agent asks callgate to have their phone call a customer back (R5); every request is audited. */
class CallbackApiTest {

    private static AccessFakes fakes;
    private static WebServer server;
    private static ApiClient agent;

    @BeforeAll
    static void start() {
        fakes = new AccessFakes();
        server = fakes.start();
        agent = new ApiClient(server);
        agent.login("agent", AccessFakes.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static java.net.http.HttpResponse<String> post(String json) {
        return agent.send("POST", "/api/v1/callbacks", json.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void aCallbackTheLinesPhoneAcceptsShouldAnswer202WithTheNumberInE164() {
        var response = post("""
                {"phone":"sip:anna@127.0.0.1:5090","number":"0470 12 34 56","service":"private","dossier":"D2026-000001"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(ApiClient.body(response).get("number").asText()).isEqualTo("+32470123456");
        assertThat(fakes.callbacksAsked).contains(List.of("sip:anna@127.0.0.1:5090", "+32470123456", "private"));
    }

    @Test
    void everyCallbackAskedForShouldBeAnAuditEntryWithTheAgentAndTheDossierButNotTheNumber() {
        post("""
                {"phone":"sip:anna@127.0.0.1:5090","number":"+32 470 12 34 56","service":"private","dossier":"D2026-000001"}""");

        var entry = fakes.entries("callback.place").getLast();
        assertThat(entry.actor()).isEqualTo("agent");
        assertThat(entry.details().toString()).doesNotContain("470");
        assertThat(entry.details())
                .doesNotContainKey("number")
                .containsEntry("dossier", "D2026-000001")
                .containsEntry("service", "private")
                .containsEntry("sipStatus", "202");
    }

    @Test
    void aPhoneThatRefusesShouldGive502WithItsSipStatusAndStillBeAudited() {
        int before = fakes.entries("callback.place").size();

        var response = post("""
                {"phone":"sip:busy@127.0.0.1","number":"0470123456","service":"private"}""");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(ApiClient.body(response).get("details").get("sipStatus").asInt())
                .isEqualTo(486);
        assertThat(fakes.entries("callback.place")).hasSize(before + 1);
    }

    @Test
    void callbacksSwitchedOffShouldGive409() {
        var response = post("""
                {"phone":"sip:anna@127.0.0.1","number":"0470123456","service":"off"}""");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(ApiClient.body(response).get("message").asText()).contains("no outbound trunk");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{}",
                "{\"phone\":\"sip:anna@127.0.0.1\",\"number\":\"0470123456\"}",
                "{\"phone\":\"sip:anna@127.0.0.1\",\"number\":42,\"service\":\"private\"}",
                "{\"phone\":\"sip:anna@127.0.0.1\",\"number\":\"0470\\u0000123456\",\"service\":\"private\"}"
            })
    void aMalformedRequestShouldGive400AndCallNobody(String body) {
        int before = fakes.callbacksAsked.size();

        var response = post(body);

        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(fakes.callbacksAsked).hasSize(before);
    }

    @Test
    void aNumberOrPhoneThatMayNotBeUsedShouldGive422() {
        assertThat(post("""
                        {"phone":"sip:anna@127.0.0.1","number":"not a number","service":"private"}""").statusCode()).isEqualTo(422);
        assertThat(post("""
                        {"phone":"tel:+3225550000","number":"0470123456","service":"private"}""").statusCode()).isEqualTo(422);
    }
}

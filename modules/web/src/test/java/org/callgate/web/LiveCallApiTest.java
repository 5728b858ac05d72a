package org.callgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.callgate.core.access.Account;
import org.callgate.core.access.Authentication;
import org.callgate.core.access.Capability;
import org.callgate.core.call.LiveCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agents' live panel (R15): calls routed, answered and ended as server-sent events, filtered by
 * the account's services, with heartbeats; a stalled client is cut off, never buffered without
 * bound; opening the stream is audited.
 */
class LiveCallApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private AccessFakes fakes;
    private WebServer server;

    @BeforeEach
    void start() {
        fakes = new AccessFakes();
        server = fakes.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static LiveCall call(String id, String service, LiveCall.State state) {
        return new LiveCall(
                id, service, "sip:" + service + "@queue", "+32470123456", state, AT, "D2026-000001", "Dubois, Marie");
    }

    private ApiClient agent() {
        ApiClient agent = new ApiClient(server);
        assertThat(agent.login("agent", AccessFakes.PASSWORD).statusCode()).isEqualTo(200);
        return agent;
    }

    @Test
    void aRoutedCallShouldReachTheAgentAsACallEventWithItsDossier() throws Exception {
        try (EventStream stream = EventStream.open(server, agent(), "/api/v1/calls/live")) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            await().atMost(WAIT).until(() -> fakes.agentSide.subscribers.size() == 1);

            fakes.agentSide.publish(call("c-1", "parcels", LiveCall.State.ROUTING));
            fakes.agentSide.publish(call("c-1", "parcels", LiveCall.State.ANSWERED));

            await().atMost(WAIT).until(() -> stream.data("call").size() == 2);
            JsonNode routed = Json.MAPPER.readTree(stream.data("call").getFirst());
            assertThat(routed.get("callId").asText()).isEqualTo("c-1");
            assertThat(routed.get("service").asText()).isEqualTo("parcels");
            assertThat(routed.get("queue").asText()).isEqualTo("sip:parcels@queue");
            assertThat(routed.get("caller").asText()).isEqualTo("+32470123456");
            assertThat(routed.get("state").asText()).isEqualTo("routing");
            assertThat(routed.get("time").asText()).isEqualTo("2026-12-05T10:00:00Z");
            assertThat(routed.get("dossier").get("number").asText()).isEqualTo("D2026-000001");
            assertThat(routed.get("dossier").get("displayName").asText()).isEqualTo("Dubois, Marie");
            assertThat(Json.MAPPER
                            .readTree(stream.data("call").get(1))
                            .get("state")
                            .asText())
                    .isEqualTo("answered");
        }
    }

    @Test
    void aCallerWithoutDossierShouldComeWithANullDossier() throws Exception {
        try (EventStream stream = EventStream.open(server, agent(), "/api/v1/calls/live")) {
            await().atMost(WAIT).until(() -> fakes.agentSide.subscribers.size() == 1);

            fakes.agentSide.publish(
                    new LiveCall("c-2", "parcels", "sip:q", "+3222785044", LiveCall.State.ENDED, AT, null, null));

            await().atMost(WAIT).until(() -> stream.data("call").size() == 1);
            JsonNode ended = Json.MAPPER.readTree(stream.data("call").getFirst());
            assertThat(ended.get("state").asText()).isEqualTo("ended");
            assertThat(ended.get("dossier").isNull()).isTrue();
        }
    }

    @Test
    void anAccountWithServicesShouldSeeOnlyTheCallsOfItsServices() throws Exception {
        fakes = new AccessFakes();
        server.close();
        server = fakes.agentSide
                .wire(WebServer.builder(
                                WebSettings.loopback(),
                                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                                        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT))
                        .access(
                                (name, password, address) -> new Authentication.Granted(new Account(
                                        "anna", Set.of("agent"), Set.of(Capability.DOSSIER_READ), Set.of("banking"))),
                                fakes.trail,
                                fakes.dossiers,
                                fakes.clock))
                .build()
                .start();
        ApiClient anna = new ApiClient(server);
        assertThat(anna.login("anna", "any").statusCode()).isEqualTo(200);
        try (EventStream stream = EventStream.open(server, anna, "/api/v1/calls/live")) {
            await().atMost(WAIT).until(() -> fakes.agentSide.subscribers.size() == 1);

            fakes.agentSide.publish(call("c-parcels", "parcels", LiveCall.State.ROUTING));
            fakes.agentSide.publish(call("c-banking", "banking", LiveCall.State.ROUTING));

            await().atMost(WAIT).until(() -> stream.data("call").size() == 1);
            assertThat(Json.MAPPER
                            .readTree(stream.data("call").getFirst())
                            .get("callId")
                            .asText())
                    .isEqualTo("c-banking");
        }
    }

    @Test
    void anIdleStreamShouldGetHeartbeatComments() {
        try (EventStream stream = EventStream.open(server, agent(), "/api/v1/calls/live")) {
            await().atMost(WAIT)
                    .until(() -> stream.lines.stream()
                                    .filter(line -> line.startsWith(":"))
                                    .count()
                            >= 2);

            assertThat(stream.lines).contains(":heartbeat");
        }
    }

    @Test
    void openingTheStreamShouldBeAuditedAndClosingItShouldUnsubscribe() {
        EventStream stream = EventStream.open(server, agent(), "/api/v1/calls/live");
        await().atMost(WAIT).until(() -> fakes.agentSide.subscribers.size() == 1);
        assertThat(fakes.entries("calls.live"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("agent"));

        stream.close();

        await().atMost(WAIT).until(() -> {
            fakes.agentSide.publish(call("c-3", "parcels", LiveCall.State.ROUTING));
            return fakes.agentSide.subscribers.isEmpty();
        });
    }

    @Test
    void aClientFarBehindShouldBeCutOffInsteadOfBufferedWithoutBound() {
        try (EventStream stream = EventStream.open(server, agent(), "/api/v1/calls/live")) {
            await().atMost(WAIT).until(() -> fakes.agentSide.subscribers.size() == 1);

            for (int i = 0; i < 10 * LiveCallRoutes.BUFFER; i++) {
                fakes.agentSide.publish(call("burst-" + i, "parcels", LiveCall.State.ROUTING));
            }

            await().atMost(WAIT).until(() -> fakes.agentSide.subscribers.isEmpty() && stream.ended());
            assertThat(stream.data("call")).hasSizeLessThan(10 * LiveCallRoutes.BUFFER);
        }
    }

    @Test
    void aRoleWithoutDossierReadShouldGet403() {
        ApiClient admin = new ApiClient(server);
        admin.login("admin", AccessFakes.PASSWORD);
        try (EventStream stream = EventStream.open(server, admin, "/api/v1/calls/live")) {
            assertThat(stream.status).isEqualTo(403);
            assertThat(fakes.agentSide.subscribers).isEmpty();
            assertThat(List.copyOf(fakes.audit))
                    .noneMatch(entry -> entry.action().equals("calls.live"));
        }
    }
}

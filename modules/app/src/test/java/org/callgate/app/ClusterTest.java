package org.callgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.callgate.app.config.ConfigLoader;
import org.callgate.app.demo.Sipp;
import org.callgate.app.demo.SippResult;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.index.opensearch.ClusterSettings;
import org.callgate.index.opensearch.OpenSearchRecordIndex;
import org.callgate.index.opensearch.OpenSearchServer;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.s3.RgwServer;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.TestBuckets;
import org.callgate.users.Role;
import org.callgate.users.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two callgate nodes as one service (DESIGN §7), every part real and in its own process: Kamailio
 * running the shipped {@code dispatcher.cfg} in front, two {@code callgate serve} JVMs, one Ceph
 * RGW bucket with Object Lock, a 3-node OpenSearch cluster for the index, SIPp callers and an
 * agent queue: calls spread over both nodes and every recording found from either; an objection
 * recorded through one node honoured by the other; a node killed with SIGKILL during calls, new
 * calls taken by the other, and what it was recording stored, marked incomplete, when it starts
 * again, each recording indexed once. {@code scripts/test-cluster} runs it with the other
 * scale-out tests.
 */
@ExtendWith({SippRequired.class, RgwServer.class, OpenSearchServer.class})
@OpenSearchServer.Nodes(3)
class ClusterTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String BANKING_LINE = "022785011";
    private static final String PARCELS_LINE = "022785044";
    /** The caller in {@code uac-routed.xml}'s From. */
    private static final String CALLER = "0475 12 34 56";

    private static final String INDEX = "cluster-records";
    private static final String PASSWORD = "long enough passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CALLS_SET_UP = Pattern.compile("(?m)^callgate_calls_setup_total\\S* ([0-9.E]+)$");

    /** Kept when the test fails: the nodes' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private KamailioDispatcher kamailio;
    private int agentPort;

    @Test
    void twoNodesShareCallsStoreIndexAndObjectionsAndLoseNoRecordingWhenOneIsKilled(
            RgwServer.Endpoint s3, OpenSearchServer.Cluster search) throws Exception {
        kamailio = new KamailioDispatcher(dir.resolve("kamailio"));
        agentPort = FreePorts.udpAndTcp();
        String bucket = TestBuckets.unique("cluster");
        new S3BucketSetup(s3.settings(bucket)).ensureLockedBucket();
        Node a = new Node("a", s3, bucket, search, 40000);
        Node b = new Node("b", s3, bucket, search, 46000);
        for (Node node : List.of(a, b)) {
            new UserStore(node.home.resolve(UserStore.FILE_NAME), Clock.systemUTC())
                    .add("cora", Set.of(Role.COMPLIANCE), Set.of(), PASSWORD.toCharArray());
        }

        try (var k = kamailio;
                Sipp agent = Sipp.scenario(GatewayFixture.scenario("uas-answer.xml"))
                        .localPort(agentPort)
                        .mediaPort(FreePorts.udpRange(52000, 200))
                        .workDir(dir)
                        .calls(0)
                        .arg("-rtp_echo")
                        .timeout(Duration.ofMinutes(8))
                        .start();
                CallgateProcess nodeA = CallgateProcess.start(a.config, dir, "node-a");
                CallgateProcess nodeB = CallgateProcess.start(b.config, dir, "node-b")) {
            kamailio.start(List.of(a.sipPort, b.sipPort), 1);

            // 200 banking calls (every one recorded) through Kamailio: both nodes take some
            SippResult spread = calls(200, 20, 1000);
            assertThat(spread.allCallsSucceeded()).as("%s", spread).isTrue();
            long onA = callsSetUp(a);
            long onB = callsSetUp(b);
            assertThat(onA).as("calls node A took").isPositive();
            assertThat(onB).as("calls node B took").isPositive();
            assertThat(onA + onB).isEqualTo(200);
            // compliance on node B lists every recording: node A's too, from the shared store and index
            WebSession complianceOnB = login(b);
            await().atMost(LIMIT).until(() -> recordingsSeenBy(complianceOnB).size() == 200);

            // an objection recorded through node A: the caller's next sampled calls, node B's too, are not recorded
            try (OpenSearchRecordIndex index =
                    OpenSearchRecordIndex.open(ClusterSettings.of(search.urls()).withIndex(INDEX))) {
                assertThat(calls(2, 2, 500, PARCELS_LINE).allCallsSucceeded()).isTrue();
                await().atMost(LIMIT).until(() -> recordings(index, "parcels") == 2);
                String objection = object(login(a));
                await().atMost(LIMIT).until(() -> openRequests(complianceOnB).contains(objection));
                long bBefore = callsSetUp(b);
                SippResult objected = calls(6, 3, 500, PARCELS_LINE);
                assertThat(objected.allCallsSucceeded()).as("%s", objected).isTrue();
                assertThat(callsSetUp(b) - bBefore)
                        .as("objected calls node B took")
                        .isPositive();
                await().atMost(LIMIT)
                        .until(() -> recordingInSpool(a.home.resolve("spool")).isEmpty()
                                && recordingInSpool(b.home.resolve("spool")).isEmpty());
                assertThat(recordings(index, "parcels"))
                        .as("sampled recordings after the objection")
                        .isEqualTo(2);
            }

            // node A killed with calls up: new calls go to node B and succeed
            try (Sipp longCalls = caller(8, 8, 20_000).start()) {
                await().atMost(LIMIT)
                        .until(() -> recordingInSpool(a.home.resolve("spool")).size() >= 1);
                nodeA.kill();
                Set<String> cut = Set.copyOf(recordingInSpool(a.home.resolve("spool")));
                long bBefore = callsSetUp(b);
                SippResult afterKill = calls(10, 5, 500);
                assertThat(afterKill.allCallsSucceeded())
                        .as("%s\nkamailio: %s", afterKill, kamailio.output())
                        .isTrue();
                assertThat(callsSetUp(b) - bBefore).isGreaterThanOrEqualTo(10);
                longCalls.await(LIMIT);

                // node A again: what it was recording is stored, marked incomplete, and found from node B
                nodeA.start();
                await().atMost(LIMIT)
                        .until(() -> recordingInSpool(a.home.resolve("spool")).isEmpty());
                await().atMost(LIMIT)
                        .until(() -> recordingsSeenBy(complianceOnB).containsAll(cut));
                try (RecordingStore store =
                                Recordings.openStore(ConfigLoader.load(b.config).store(), Clock.systemUTC());
                        OpenSearchRecordIndex index = OpenSearchRecordIndex.open(
                                ClusterSettings.of(search.urls()).withIndex(INDEX))) {
                    for (String callId : cut) {
                        assertThat(metadata(store, callId).path("incomplete").asBoolean())
                                .as("recording %s cut by the kill", callId)
                                .isTrue();
                    }
                    await().atMost(LIMIT)
                            .until(() ->
                                    recordingInSpool(b.home.resolve("spool")).isEmpty());
                    // every stored recording indexed, and once: the index counts as many as the store holds
                    await().atMost(LIMIT).until(() -> {
                        index.refresh();
                        return index.count(RecordKind.RECORDING) == storedRecordings(store);
                    });
                    assertThat(storedRecordings(store)).isGreaterThanOrEqualTo(200 + cut.size());
                }
            }
        }
    }

    /** {@code count} calls of {@code millis} to the banking line through Kamailio, {@code rate} a second. */
    private SippResult calls(int count, int rate, int millis) throws Exception {
        return calls(count, rate, millis, BANKING_LINE);
    }

    /** As {@link #calls(int, int, int)}, to {@code line}, all from the scenario's caller 0475 12 34 56. */
    private SippResult calls(int count, int rate, int millis, String line) throws Exception {
        try (Sipp caller = caller(count, rate, millis).service(line).start()) {
            return caller.await(LIMIT);
        }
    }

    private Sipp.Builder caller(int count, int rate, int millis) {
        return Sipp.scenario(GatewayFixture.scenario("uac-routed.xml"))
                .remote("127.0.0.1:" + kamailio.port)
                .localPort(FreePorts.udpAndTcp())
                .mediaPort(FreePorts.udpRange(54000, 200))
                .service(BANKING_LINE)
                .workDir(dir)
                .calls(count)
                .rate(rate)
                .arg("-d", Integer.toString(millis))
                .timeout(LIMIT);
    }

    /** The node's {@code callgate_calls_setup_total} from its {@code /metrics}. */
    private long callsSetUp(Node node) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create(node.web() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher value = CALLS_SET_UP.matcher(metrics);
        assertThat(value.find()).as(metrics).isTrue();
        return (long) Double.parseDouble(value.group(1));
    }

    private static WebSession login(Node node) throws Exception {
        return WebSession.login(node.web(), "cora", PASSWORD);
    }

    /** The call ids of the banking recordings compliance sees through a node's API. */
    private static Set<String> recordingsSeenBy(WebSession session) throws Exception {
        Set<String> ids = new HashSet<>();
        session.json("/recordings?service=banking&limit=200")
                .forEach(recording -> ids.add(recording.path("callId").asText()));
        return ids;
    }

    /** Opens an objection to recording for the scenario's caller through a node's API; its id. */
    private static String object(WebSession session) throws Exception {
        HttpResponse<String> opened = session.send(
                "POST", "/requests", Map.of("type", "objection", "phones", List.of(CALLER), "via", "phone"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).path("id").asText();
    }

    /** The ids of the open requests in a node's register, as its API shows them. */
    private static Set<String> openRequests(WebSession session) throws Exception {
        Set<String> ids = new HashSet<>();
        session.json("/requests")
                .path("requests")
                .forEach(request -> ids.add(request.path("id").asText()));
        return ids;
    }

    private static long recordings(OpenSearchRecordIndex index, String service) {
        index.refresh();
        return index.search(SearchQuery.all().only(RecordKind.RECORDING).withService(service))
                .total();
    }

    /** The call ids of the recordings in a spool: {@code <callId>.wav}. */
    private static List<String> recordingInSpool(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".wav"))
                    .map(name -> name.substring(0, name.length() - ".wav".length()))
                    .collect(Collectors.toList());
        }
    }

    private static long storedRecordings(RecordingStore store) throws Exception {
        return store.list("recordings/").stream()
                .filter(key -> key.value().endsWith(".wav"))
                .count();
    }

    private static JsonNode metadata(RecordingStore store, String callId) throws Exception {
        ObjectKey key = store.list("recordings/").stream()
                .filter(k -> k.value().endsWith("/" + callId + ".json"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metadata for " + callId));
        try (InputStream in = store.get(key)) {
            return JSON.readTree(in);
        }
    }

    /** One node's files, ports and configuration: its own spool, journal and users, the shared store and index. */
    private final class Node {
        final Path home;
        final int sipPort = FreePorts.udpAndTcp();
        final int webPort = FreePorts.udpAndTcp();
        final Path config;

        Node(String name, RgwServer.Endpoint s3, String bucket, OpenSearchServer.Cluster search, int rtpFrom)
                throws Exception {
            home = Files.createDirectories(dir.resolve("node-" + name));
            int rtpMin = FreePorts.udpRange(rtpFrom, 400);
            String urls = search.urls().stream().map(URI::toString).collect(Collectors.joining("\", \"", "[\"", "\"]"));
            config = Files.writeString(home.resolve("callgate.yaml"), """
                    sip: {listen-address: 127.0.0.1, port: %d, transports: [udp], outbound-proxy: "sip:127.0.0.1:%d"}
                    media: {address: 127.0.0.1, rtp-port-min: %d, rtp-port-max: %d}
                    web: {port: %d}
                    store:
                      type: s3
                      spool: %s
                      s3: {endpoint: "%s", region: us-east-1, bucket: %s, path-style: true, access-key: %s, secret-key: %s}
                    index:
                      type: opensearch
                      opensearch: {urls: %s, index: %s, replicas: 1}
                    recording: {sample-rate: 1.0}
                    prompts-dir: %s
                    service-lines:
                      - {id: banking, name: Banking, number: 02 278 50 11, queue: "sip:banking@127.0.0.1:%d"}
                      - {id: parcels, name: Parcels, number: 02 278 50 44, queue: "sip:parcels@127.0.0.1:%d"}
                    """.formatted(
                            sipPort,
                            kamailio.port,
                            rtpMin,
                            rtpMin + 399,
                            webPort,
                            home.resolve("spool"),
                            s3.uri(),
                            bucket,
                            s3.accessKey(),
                            s3.secretKey(),
                            urls,
                            INDEX,
                            GatewayFixture.PROMPTS,
                            agentPort,
                            agentPort));
        }

        String web() {
            return "http://127.0.0.1:" + webPort;
        }
    }
}

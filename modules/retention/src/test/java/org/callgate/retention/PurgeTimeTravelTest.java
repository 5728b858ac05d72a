package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.dossier.RecordKind;
import org.callgate.records.Dossiers;
import org.callgate.store.ObjectKey;
import org.callgate.store.RetentionProfile;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class that has records, under both shipped profiles: created at T, still there after a
 * purge at T + retention − 1 day, gone (object, metadata, index entry, trace out of its batch, a
 * dossier's every version and the claims of its number and versions) after a purge at T +
 * retention + 1 day (R1, R2, R3, R7, R8, R10, R14). The digital-assistant
 * class (R16) has no records yet; evidence (R18) is the hold register's, tested with holds.
 */
class PurgeTimeTravelTest {

    private static final Instant T = Instant.parse("2026-03-31T09:30:00Z");
    private static final String CALLER = "+32475123456";

    @TempDir
    Path dir;

    static Stream<Arguments> classes() {
        return Stream.of(TestProfiles.DEFAULT, TestProfiles.QUALITY_CONTROL)
                .flatMap(profile -> Stream.of(
                                "trace", "dossier", "banking-dossier", "recording", "banking-recording", "survey")
                        .map(cls -> Arguments.of(profile.name(), cls)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("classes")
    void aRecordIsKeptUntilItsRetentionEndsAndGoneAfterThePurgeThatFollows(String profileName, String cls)
            throws Exception {
        RetentionProfile profile = profileName.equals("default") ? TestProfiles.DEFAULT : TestProfiles.QUALITY_CONTROL;
        Instant end = T.atOffset(ZoneOffset.UTC).plus(profile.rule(cls).keep()).toInstant();
        try (RetentionWorld world = new RetentionWorld(dir, profile, T)) {
            Thing thing = create(world, cls);

            PurgeReport before = world.purgeAt(end.minus(Duration.ofDays(1)));
            assertThat(before.purged()).doesNotContainKey(cls);
            assertThat(thing.present(world))
                    .as("present a day before its retention ends")
                    .isTrue();

            PurgeReport after = world.purgeAt(end.plus(Duration.ofDays(1)));
            assertThat(after.purged()).containsEntry(cls, 1L);
            assertThat(thing.gone(world)).as("gone a day after").isTrue();
        }
    }

    /**
     * One record of a class, with the objects that must be there and then gone: a recording's audio
     * and metadata; a dossier's versions with the claims of its number and of its second version
     * (ADR 0018).
     */
    private record Thing(RecordKind kind, String id, List<ObjectKey> objects) {

        /** Surveys are not indexed ({@code kind} null): only their object counts. */
        boolean present(RetentionWorld world) throws Exception {
            for (ObjectKey object : objects) {
                if (!world.inStore(object)) {
                    return false;
                }
            }
            return kind == null || world.inIndex(kind, id);
        }

        boolean gone(RetentionWorld world) throws Exception {
            for (ObjectKey object : objects) {
                if (world.inStore(object)) {
                    return false;
                }
            }
            return kind == null || !world.inIndex(kind, id);
        }
    }

    private static Thing create(RetentionWorld world, String cls) throws Exception {
        return switch (cls) {
            case "trace" -> {
                CallTrace trace = world.trace("call-t", CALLER, null);
                yield new Thing(RecordKind.TRACE, trace.callId(), List.of(batchOf(world, trace.callId())));
            }
            case "survey" -> {
                ObjectKey key = world.survey("call-s");
                yield new Thing(null, "call-s", List.of(key));
            }
            case "dossier", "banking-dossier" -> {
                Dossier d = world.dossier(cls.equals("dossier") ? "private" : "banking", CALLER);
                world.dossiers.linkCall(d.number(), "call-linked"); // version 2, claimed
                yield new Thing(
                        RecordKind.DOSSIER,
                        d.number(),
                        List.of(
                                ObjectKey.of("dossiers/" + d.number() + "/v000001.json"),
                                ObjectKey.of("dossiers/" + d.number() + "/v000002.json"),
                                Dossiers.numberClaim(d.number()),
                                ObjectKey.of(Dossiers.versionClaims(d.number()) + "v000002.json")));
            }
            default -> {
                ObjectKey audio =
                        world.recording("call-r", CALLER, cls.equals("recording") ? "private" : "banking", null);
                yield new Thing(RecordKind.RECORDING, "call-r", List.of(audio, metadataOf(audio)));
            }
        };
    }

    static ObjectKey batchOf(RetentionWorld world, String callId) {
        world.index.refresh();
        return world.index.ofCall(callId).stream()
                .filter(r -> r.kind() == RecordKind.TRACE)
                .map(r -> ObjectKey.of(r.storeKey()))
                .findFirst()
                .orElseThrow();
    }

    static ObjectKey metadataOf(ObjectKey audio) {
        return ObjectKey.of(audio.value().replace(".wav", ".json"));
    }
}

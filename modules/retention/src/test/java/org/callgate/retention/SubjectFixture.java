package org.callgate.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.dossier.CallTrace;
import org.callgate.core.dossier.Dossier;
import org.callgate.core.request.DataSubject;
import org.callgate.core.sms.SmsMessage;
import org.callgate.records.Restrictions;
import org.callgate.sms.OutboxSmsSender;
import org.callgate.store.ObjectKey;
import org.callgate.store.TestProfiles;

/**
 * The data subject of the request tests (R12): a caller with a banking dossier, a banking call
 * and a sampled call (recorded, with survey answers and an SMS), whose trace shares its batch with
 * another caller's call; that other caller has a recording, survey answers and an SMS too.
 */
final class SubjectFixture implements AutoCloseable {

    static final Instant T = Instant.parse("2026-06-02T09:30:00Z");
    static final String CALLER = "+32475123456";
    static final String OTHER = "+32478999888";

    final RetentionWorld world;
    final Restrictions restrictions;
    final Path outbox;
    final Dossier dossier;
    final ObjectKey sampled;
    final ObjectKey banking;
    final ObjectKey survey;
    final ObjectKey otherRecording;
    final ObjectKey otherSurvey;

    SubjectFixture(Path dir) throws Exception {
        world = new RetentionWorld(dir, TestProfiles.DEFAULT, T);
        restrictions = Restrictions.load(world.store);
        outbox = dir.resolve("sms/outbox.jsonl");
        dossier = world.dossier("banking", CALLER);
        world.trace("call-bank", CALLER, dossier.number());
        banking = world.recording("call-bank", CALLER, "banking", dossier.number());
        world.clock.advance(Duration.ofHours(1));
        CallTrace mine = world.newTrace("call-parcel", CALLER, dossier.number());
        CallTrace theirs = world.newTrace("call-other", OTHER, null);
        world.writer.writeAll(List.of(), List.of(mine, theirs)); // one batch, shared with another caller
        sampled = world.recording("call-parcel", CALLER, "parcels", dossier.number());
        survey = world.survey("call-parcel");
        otherRecording = world.recording("call-other", OTHER, "parcels", null);
        otherSurvey = world.survey("call-other");
        OutboxSmsSender sms = new OutboxSmsSender(outbox);
        sms.send(message("sms-1", "call-parcel", CALLER));
        sms.send(message("sms-2", "call-other", OTHER));
        world.clock.advance(Duration.ofDays(3));
    }

    /** The subject as the request names them: a number in national form. */
    static DataSubject subject() {
        return new DataSubject(List.of(PhoneNumber.parse("0475 12 34 56")), List.of(), "Peeters", null);
    }

    static ObjectKey metadata(ObjectKey audio) {
        return ObjectKey.of(audio.value().replace(".wav", ".json"));
    }

    private SmsMessage message(String id, String call, String to) {
        return new SmsMessage(
                id, call, PhoneNumber.parse(to), "private", "nl", "https://example.test/t", world.clock.instant());
    }

    @Override
    public void close() throws Exception {
        world.close();
    }
}

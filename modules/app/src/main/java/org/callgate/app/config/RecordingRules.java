package org.callgate.app.config;

import java.util.HashSet;
import java.util.Set;
import org.callgate.core.PhoneNumber;

/**
 * The rules for {@code recording}: a rate that is a share, a key that is not empty, service ids
 * that can name a service, numbers that are numbers, a known policy for a failing recorder (R7, R8,
 * product rule 4).
 */
final class RecordingRules {

    private RecordingRules() {}

    static void check(RecordingConfig recording, Problems problems) {
        double rate = recording.sampleRate();
        problems.require(
                rate >= 0 && rate <= 1,
                "recording.sample-rate",
                rate,
                "out of range 0..1: the share of calls recorded (R7: 0.5)");
        problems.require(
                !recording.samplingKey().isBlank(),
                "recording.sampling-key",
                recording.samplingKey(),
                "must not be empty: the sample is keyed so that only key holders can reproduce it");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recording.bankingServices().size(); i++) {
            String service = recording.bankingServices().get(i);
            String key = KeyPaths.index("recording.banking-services", i);
            if (problems.require(
                    ServiceLineRules.ID.matcher(service).matches(), key, service, ServiceLineRules.ID_RULE)) {
                problems.require(seen.add(service), key, service, "listed twice");
            }
        }
        problems.require(
                RecordingConfig.CONTINUE.equals(recording.onFailure())
                        || RecordingConfig.REFUSE.equals(recording.onFailure()),
                "recording.on-failure",
                recording.onFailure(),
                "must be continue (a banking call goes on unrecorded, marked) or refuse (it is not put through)"
                        + " when its recorder cannot start (R8)");
        for (int i = 0; i < recording.objections().size(); i++) {
            String number = recording.objections().get(i);
            problems.require(
                    PhoneNumber.tryParse(number).isPresent(),
                    KeyPaths.index("recording.objections", i),
                    number,
                    "not a telephone number");
        }
    }
}

package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.callgate.core.PhoneNumber;
import org.callgate.core.recording.ObjectionList;
import org.callgate.core.recording.RecordingDecision;
import org.callgate.sip.RecorderFailurePolicy;

/**
 * The {@code recording:} section: which calls are recorded (product rule 4). Banking services are
 * always recorded (R8); other calls are drawn by a sample keyed with {@code sampling-key}, so an
 * auditor holding the key can reproduce each decision (R7); callers on {@code objections} are not
 * recorded unless the call is a banking call (R12, R14).
 *
 * @param sampleRate share of non-banking calls recorded, 0..1
 * @param samplingKey the secret key of the sample (HMAC-SHA256 of the call id)
 * @param bankingServices service ids whose calls are banking calls: a line id or a menu option's
 *     {@code service}
 * @param objections numbers of callers who objected to recording, as written
 * @param onFailure {@value #CONTINUE} or {@value #REFUSE}: what happens to a banking call whose
 *     recorder cannot start (R8); either way the call is marked {@code recorder-failed} and an alarm
 *     is raised
 */
public record RecordingConfig(
        double sampleRate,
        String samplingKey,
        List<String> bankingServices,
        List<String> objections,
        String onFailure) {

    /** A banking call whose recorder fails goes through unrecorded, marked. */
    public static final String CONTINUE = "continue";
    /** A banking call whose recorder fails is not put through to an agent. */
    public static final String REFUSE = "refuse";

    /**
     * The built-in key: public, so anyone can predict the sample. Fine for {@code callgate demo};
     * a deployment sets its own, and callgate warns at start-up while this one is in use.
     */
    public static final String DEMO_KEY = "callgate-demo-sampling-key-change-me";

    /** A section without {@code on-failure}: {@value #CONTINUE}. */
    public RecordingConfig(
            double sampleRate, String samplingKey, List<String> bankingServices, List<String> objections) {
        this(sampleRate, samplingKey, bankingServices, objections, CONTINUE);
    }

    public RecordingConfig {
        Objects.requireNonNull(samplingKey, "samplingKey");
        Objects.requireNonNull(onFailure, "onFailure");
        bankingServices = List.copyOf(bankingServices);
        objections = List.copyOf(objections);
    }

    /** R7's 50 %, the demo key, the Postinfo service (R8), no objections, banking calls go on when the recorder fails. */
    public static RecordingConfig defaults() {
        return new RecordingConfig(0.5, DEMO_KEY, List.of("banking"), List.of(), CONTINUE);
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static RecordingConfig fromYaml(
            @JsonProperty("sample-rate") Double sampleRate,
            @JsonProperty("sampling-key") String samplingKey,
            @JsonProperty("banking-services") List<String> bankingServices,
            @JsonProperty("objections") List<String> objections,
            @JsonProperty("on-failure") String onFailure) {
        RecordingConfig d = defaults();
        return new RecordingConfig(
                Objects.requireNonNullElse(sampleRate, d.sampleRate()),
                Objects.requireNonNullElse(samplingKey, d.samplingKey()),
                Objects.requireNonNullElse(bankingServices, d.bankingServices()),
                Objects.requireNonNullElse(objections, d.objections()),
                Objects.requireNonNullElse(onFailure, d.onFailure()));
    }

    /** Whether the public demo key is in use. */
    public boolean usesDemoKey() {
        return DEMO_KEY.equals(samplingKey);
    }

    /** The decision; call only on a validated configuration. */
    public RecordingDecision toDecision() {
        return new RecordingDecision(sampleRate, samplingKey, new LinkedHashSet<>(bankingServices));
    }

    /** The objection list, numbers in E.164; call only on a validated configuration. */
    public ObjectionList toObjectionList() {
        Set<String> numbers = new LinkedHashSet<>();
        objections.forEach(number -> numbers.add(PhoneNumber.parse(number).e164()));
        return ObjectionList.of(numbers);
    }

    /** The policy for a banking call whose recorder cannot start; call only on a validated configuration. */
    public RecorderFailurePolicy toFailurePolicy() {
        return REFUSE.equals(onFailure) ? RecorderFailurePolicy.REFUSE : RecorderFailurePolicy.CONTINUE;
    }

    /** Never shows the key: configurations end up in logs and error reports. */
    @Override
    public String toString() {
        return "RecordingConfig[sampleRate=" + sampleRate + ", samplingKey=(" + samplingKey.length()
                + " characters), bankingServices=" + bankingServices + ", objections=" + objections.size()
                + ", onFailure=" + onFailure + "]";
    }
}

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
 */
public record RecordingConfig(
        double sampleRate, String samplingKey, List<String> bankingServices, List<String> objections) {

    /**
     * The built-in key: public, so anyone can predict the sample. Fine for {@code callgate demo};
     * a deployment sets its own, and callgate warns at start-up while this one is in use.
     */
    public static final String DEMO_KEY = "callgate-demo-sampling-key-change-me";

    public RecordingConfig {
        Objects.requireNonNull(samplingKey, "samplingKey");
        bankingServices = List.copyOf(bankingServices);
        objections = List.copyOf(objections);
    }

    /** R7's 50 %, the demo key, the Postinfo service (R8), no objections. */
    public static RecordingConfig defaults() {
        return new RecordingConfig(0.5, DEMO_KEY, List.of("banking"), List.of());
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static RecordingConfig fromYaml(
            @JsonProperty("sample-rate") Double sampleRate,
            @JsonProperty("sampling-key") String samplingKey,
            @JsonProperty("banking-services") List<String> bankingServices,
            @JsonProperty("objections") List<String> objections) {
        RecordingConfig d = defaults();
        return new RecordingConfig(
                Objects.requireNonNullElse(sampleRate, d.sampleRate()),
                Objects.requireNonNullElse(samplingKey, d.samplingKey()),
                Objects.requireNonNullElse(bankingServices, d.bankingServices()),
                Objects.requireNonNullElse(objections, d.objections()));
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

    /** Never shows the key: configurations end up in logs and error reports. */
    @Override
    public String toString() {
        return "RecordingConfig[sampleRate=" + sampleRate + ", samplingKey=(" + samplingKey.length()
                + " characters), bankingServices=" + bankingServices + ", objections=" + objections.size() + "]";
    }
}

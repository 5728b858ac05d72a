package org.callgate.core.recording;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides, once per call and from call facts only, whether the call is recorded (product rule 4):
 *
 * <ol>
 *   <li>a call to a banking service is recorded and kept 10 years (R8, MiFID II), even when the
 *       caller objected: the law obliges us to keep it (R12);
 *   <li>a caller on the objection list is not recorded (R12, R14);
 *   <li>any other call is recorded when the keyed sample draws it (R7), kept at most 6 months.
 * </ol>
 *
 * <p>The sample is deterministic so that an auditor holding the key can reproduce every answer:
 * {@code u} = the first 8 bytes of HMAC-SHA256(key, call id) (key and call id as UTF-8), read as
 * an unsigned big-endian integer; the call is sampled when {@code u < rate × 2^64}, compared
 * exactly. Rate 0 samples nothing, rate 1 everything. A pure function: no clock, no I/O.
 */
public final class RecordingDecision {

    private static final String HMAC = "HmacSHA256";
    private static final BigDecimal TWO_TO_64 = BigDecimal.valueOf(2).pow(64);

    private final double sampleRate;
    private final BigDecimal threshold;
    private final SecretKeySpec key;
    private final Set<String> bankingServices;

    /**
     * @param sampleRate share of non-banking calls recorded, 0..1 (R7: 0.5)
     * @param samplingKey the secret key of the sample; not empty
     * @param bankingServices service ids that are banking services ({@code banking}, R8)
     */
    public RecordingDecision(double sampleRate, String samplingKey, Set<String> bankingServices) {
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("sample rate must be in [0, 1]: " + sampleRate);
        }
        Objects.requireNonNull(samplingKey, "samplingKey");
        if (samplingKey.isEmpty()) {
            throw new IllegalArgumentException("the sampling key must not be empty");
        }
        this.sampleRate = sampleRate;
        this.threshold = new BigDecimal(sampleRate).multiply(TWO_TO_64);
        this.key = new SecretKeySpec(samplingKey.getBytes(StandardCharsets.UTF_8), HMAC);
        this.bankingServices = Set.copyOf(bankingServices);
    }

    /**
     * @param callId callgate's call id (the sample's input)
     * @param service the service of the call: the IVR option's ({@code banking}) or the line's id
     * @param objected the caller is on the objection list
     * @param surveyConsent the caller's answer to the survey question (R10), null when not asked
     */
    public Recording decide(String callId, String service, boolean objected, Boolean surveyConsent) {
        boolean survey = Boolean.TRUE.equals(surveyConsent) && !objected;
        if (bankingServices.contains(service)) {
            return new Recording(true, Recording.Reason.BANKING_MIFID, Recording.BANKING_RECORDING, survey);
        }
        if (objected) {
            return new Recording(false, Recording.Reason.OBJECTION, null, false);
        }
        return sampled(callId)
                ? new Recording(true, Recording.Reason.SAMPLED, Recording.RECORDING, survey)
                : new Recording(false, Recording.Reason.NOT_SAMPLED, null, survey);
    }

    /** Whether the keyed sample draws this call id (R7). */
    public boolean sampled(String callId) {
        long u = ByteBuffer.wrap(hmac(callId)).getLong();
        return new BigDecimal(Long.toUnsignedString(u)).compareTo(threshold) < 0;
    }

    public double sampleRate() {
        return sampleRate;
    }

    public Set<String> bankingServices() {
        return bankingServices;
    }

    private byte[] hmac(String callId) {
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe: one per use
            mac.init(key);
            return mac.doFinal(callId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

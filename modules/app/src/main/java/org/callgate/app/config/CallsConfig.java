package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code calls:} section: how many calls callgate takes and how long it waits for agents.
 *
 * <p>Refusing a call with 503 and {@code Retry-After} (RFC 3261 §21.5.4, §20.33) lets the
 * platform route it elsewhere instead of callgate degrading every call in progress.
 *
 * @param maxConcurrent calls in progress above which new calls get 503
 * @param maxSetupRate new calls admitted per second, above it 503; 0 for no limit
 * @param retryAfter value of the {@code Retry-After} header on that 503
 * @param overloadDelay a new call over UDP gets a stateless 503 while SIP requests wait longer
 *     than this for a worker thread (overload); zero for never
 * @param noAnswerTimeout an agent queue that has not answered after this long is sent CANCEL
 *     and the caller gets 480
 */
public record CallsConfig(
        int maxConcurrent, int maxSetupRate, Duration retryAfter, Duration overloadDelay, Duration noAnswerTimeout) {

    /** The default {@code overload-delay}: well under SIP's T1 (500 ms), when callers retransmit. */
    public static final Duration OVERLOAD_DELAY = Duration.ofMillis(200);

    public CallsConfig {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(overloadDelay, "overloadDelay");
        Objects.requireNonNull(noAnswerTimeout, "noAnswerTimeout");
    }

    /** The documented defaults of the {@code calls:} section. */
    public static CallsConfig defaults() {
        return new CallsConfig(1000, 0, Duration.ofSeconds(30), OVERLOAD_DELAY, Duration.ofSeconds(60));
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static CallsConfig fromYaml(
            @JsonProperty("max-concurrent") Integer maxConcurrent,
            @JsonProperty("max-setup-rate") Integer maxSetupRate,
            @JsonProperty("retry-after") Duration retryAfter,
            @JsonProperty("overload-delay") Duration overloadDelay,
            @JsonProperty("no-answer-timeout") Duration noAnswerTimeout) {
        CallsConfig d = defaults();
        return new CallsConfig(
                Objects.requireNonNullElse(maxConcurrent, d.maxConcurrent()),
                Objects.requireNonNullElse(maxSetupRate, d.maxSetupRate()),
                Objects.requireNonNullElse(retryAfter, d.retryAfter()),
                Objects.requireNonNullElse(overloadDelay, d.overloadDelay()),
                Objects.requireNonNullElse(noAnswerTimeout, d.noAnswerTimeout()));
    }
}

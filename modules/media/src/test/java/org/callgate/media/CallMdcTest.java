package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CallMdcTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theCallIdIsSetInsideTheBlockAndRemovedAfter() {
        try (CallMdc ignored = CallMdc.enter("call-1")) {
            assertThat(MDC.get("callId")).isEqualTo("call-1");
        }

        assertThat(MDC.get("callId")).isNull();
    }

    @Test
    void aCallIdTheThreadAlreadyHadIsRestored() {
        MDC.put("callId", "signalling-call");

        try (CallMdc ignored = CallMdc.enter("media-call")) {
            assertThat(MDC.get("callId")).isEqualTo("media-call");
        }

        assertThat(MDC.get("callId")).isEqualTo("signalling-call");
    }
}

package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when Netty's leak detector reports a ByteBuf that was garbage collected without
 * being released. Surefire runs with {@code -Dio.netty.leakDetection.level=paranoid}, so every
 * buffer is tracked; reports surface on the next allocation after a GC, which the after-each step
 * forces.
 */
final class LeakDetection implements BeforeEachCallback, AfterEachCallback {

    private static final String DETECTOR_LOGGER = ResourceLeakDetector.class.getName();

    private final ListAppender<ILoggingEvent> reports = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        assertThat(ResourceLeakDetector.getLevel())
                .as("tests must run with -Dio.netty.leakDetection.level=paranoid")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        reports.list.clear();
        reports.start();
        detectorLogger().addAppender(reports);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (int round = 0; round < 3; round++) {
                System.gc();
                allocateAndRelease();
            }
            assertThat(reports.list)
                    .as("Netty leak reports")
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("LEAK"));
        } finally {
            detectorLogger().detachAppender(reports);
            reports.stop();
        }
    }

    /** Leak reports are emitted while tracking a new buffer. */
    private static void allocateAndRelease() {
        for (int i = 0; i < 64; i++) {
            ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(64);
            ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(64);
            pooled.release();
            heap.release();
        }
    }

    private static Logger detectorLogger() {
        return (Logger) LoggerFactory.getLogger(DETECTOR_LOGGER);
    }
}

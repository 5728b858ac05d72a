package org.callgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents read dossiers at the same time: their entries still form one chain (R11). */
class AuditConcurrencyTest {

    private static final int THREADS = 8;
    private static final int EACH = 100;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsFromSeveralThreadsKeepOneValidChainWithEverySeqOnce() throws Exception {
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (AuditLog log = AuditLog.open(new AuditLog.Settings(dir, 16 * 1024, Duration.ofDays(1)), new TestClock());
                ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String agent = "agent-" + t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < EACH; i++) {
                        seqs.add(log.append(AuditActions.DOSSIER_READ, agent, Map.of("n", i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }

        assertThat(seqs)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, THREADS * EACH).boxed().toList());
        AuditVerification verification = AuditVerifier.verify(dir);
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entries()).isEqualTo(THREADS * EACH);
        assertThat(verification.segments()).isGreaterThan(1);
    }
}

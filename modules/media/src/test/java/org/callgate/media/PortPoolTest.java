package org.callgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PortPoolTest {

    @Test
    void handsOutEveryEvenPortOfTheRangeOnceThenNothing() {
        PortPool pool = new PortPool(20000, 20009);

        List<Integer> ports = drain(pool);

        assertThat(ports).containsExactly(20000, 20002, 20004, 20006, 20008);
        assertThat(pool.acquire()).isEmpty();
        assertThat(pool.free()).isZero();
        assertThat(pool.capacity()).isEqualTo(5);
    }

    @Test
    void anEvenUpperBoundLeavesOutTheHalfPairAtTheTop() {
        PortPool pool = new PortPool(20000, 20004);

        assertThat(drain(pool)).containsExactly(20000, 20002);
        assertThat(pool.range()).isEqualTo("20000-20003");
    }

    @Test
    void aReleasedPortGoesToTheBackOfTheQueueSoItIsNotReusedAtOnce() {
        PortPool pool = new PortPool(20000, 20005);
        int first = pool.acquire().orElseThrow();

        pool.release(first);

        assertThat(drain(pool)).containsExactly(20002, 20004, 20000);
    }

    @Test
    void releasedPortsComeBackInTheOrderTheyWereReleased() {
        PortPool pool = new PortPool(20000, 20005);
        drain(pool);

        pool.release(20004);
        pool.release(20000);
        pool.release(20002);

        assertThat(drain(pool)).containsExactly(20004, 20000, 20002);
    }

    @Test
    void freeCountsThePairsStillAvailable() {
        PortPool pool = new PortPool(31000, 31099);
        assertThat(pool.free()).isEqualTo(50);

        int port = pool.acquire().orElseThrow();
        pool.acquire();
        assertThat(pool.free()).isEqualTo(48);

        pool.release(port);
        assertThat(pool.free()).isEqualTo(49);
    }

    @Test
    void releasingAPortThatIsNotInUseIsABug() {
        PortPool pool = new PortPool(20000, 20009);

        assertThatThrownBy(() -> pool.release(20002))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("20002 is not in use");
    }

    @Test
    void releasingAPortTwiceIsABug() {
        PortPool pool = new PortPool(20000, 20009);
        int port = pool.acquire().orElseThrow();
        pool.release(port);

        assertThatThrownBy(() -> pool.release(port)).isInstanceOf(IllegalStateException.class);
        assertThat(pool.free()).isEqualTo(5);
    }

    @Test
    void releasingAPortOutsideTheRangeOrAnRtcpPortIsRefused() {
        PortPool pool = new PortPool(20000, 20009);
        drain(pool);

        for (int port : new int[] {19998, 19999, 20001, 20010, 40000}) {
            assertThatThrownBy(() -> pool.release(port))
                    .as("port %d", port)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an RTP port of this pool");
        }
        assertThat(pool.free()).isZero();
    }

    @Test
    void aRangeMustStartOnAnEvenPort() {
        assertThatThrownBy(() -> new PortPool(20001, 20009))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even port");
    }

    @Test
    void aRangeMustHoldAtLeastOnePair() {
        assertThatThrownBy(() -> new PortPool(20000, 20000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no RTP/RTCP port pair");
        assertThat(new PortPool(20000, 20001).capacity()).isOne();
    }

    @Test
    void aRangeMustFitInTheUdpPortSpace() {
        assertThatThrownBy(() -> new PortPool(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortPool(65000, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PortPool(65534, 65535).acquire()).hasValue(65534);
    }

    @Test
    void manyThreadsNeverGetTheSamePortAtTheSameTime() throws Exception {
        PortPool pool = new PortPool(20000, 20099);
        Set<Integer> held = ConcurrentHashMap.newKeySet();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(executor.submit(() -> {
                    start.await();
                    int conflicts = 0;
                    for (int i = 0; i < 20_000; i++) {
                        OptionalInt port = pool.acquire();
                        if (port.isEmpty()) {
                            continue;
                        }
                        if (!held.add(port.getAsInt())) {
                            conflicts++;
                        }
                        held.remove(port.getAsInt());
                        pool.release(port.getAsInt());
                    }
                    return conflicts;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isZero();
            }
        }
        assertThat(pool.free()).isEqualTo(50);
        assertThat(drain(pool)).doesNotHaveDuplicates().hasSize(50);
    }

    private static List<Integer> drain(PortPool pool) {
        List<Integer> ports = new ArrayList<>();
        for (OptionalInt port = pool.acquire(); port.isPresent(); port = pool.acquire()) {
            ports.add(port.getAsInt());
        }
        return ports;
    }
}

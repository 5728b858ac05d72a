package org.callgate.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.callgate.core.PhoneNumber;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;
import org.callgate.records.RightsRequests;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records of data-subject requests are destroyed when their class's retention (3 years from
 * receipt) has run, once the request is closed; an open request is never purged.
 */
class PurgeOfRequestsTest {

    private static final Instant T = Instant.parse("2027-01-31T09:00:00Z");
    private static final DataSubject CALLER =
            new DataSubject(List.of(PhoneNumber.parse("+32475123456")), List.of(), null, null);

    @TempDir
    Path dir;

    private RetentionWorld world;

    @BeforeEach
    void open() throws Exception {
        world = new RetentionWorld(dir, TestProfiles.DEFAULT, T);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void aClosedRequestGoesThreeYearsAfterItsReceiptAndAnOpenOneStays() throws Exception {
        RightsRequests register = RightsRequests.load(world.store, TestProfiles.DEFAULT, world.clock);
        RightsRequest closed = register.open(RequestType.ERASURE, CALLER, null, "letter", "dpo");
        register.step(closed.id(), r -> r.verify("ID card", "anna", T));
        register.step(closed.id(), r -> r.answer("erased what no law keeps", "dpo", T));
        RightsRequest forgotten = register.open(RequestType.ACCESS, CALLER, null, "letter", "dpo");

        PurgeReport early = world.purgeAt(Instant.parse("2030-01-30T09:00:00Z"));
        assertThat(early.purged()).doesNotContainKey("request");
        assertThat(world.store.list("requests/" + closed.id() + "/")).hasSize(3);

        PurgeReport due = world.purgeAt(Instant.parse("2030-02-01T09:00:00Z"));
        assertThat(due.purged()).containsEntry("request", 1L);
        assertThat(world.store.list("requests/" + closed.id() + "/")).isEmpty();
        assertThat(world.store.list("requests/" + forgotten.id() + "/")).hasSize(1);
    }
}

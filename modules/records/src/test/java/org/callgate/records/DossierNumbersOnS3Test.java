package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.callgate.store.s3.RgwServer;
import org.callgate.store.s3.S3BucketSetup;
import org.callgate.store.s3.S3RecordingStore;
import org.callgate.store.s3.S3Settings;
import org.callgate.store.s3.TestBuckets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dossier numbers from two nodes on one Object Lock bucket of a real Ceph RGW, each with its own
 * S3 client, index and journal, as two gateways behind Kamailio (ADR 0018): the RGW that ignores
 * {@code If-None-Match} there still never lets two of them claim one number (R2, R3).
 */
@ExtendWith(RgwServer.class)
class DossierNumbersOnS3Test {

    @TempDir
    Path dir;

    private S3RecordingStore storeOfA;
    private S3RecordingStore storeOfB;
    private NodeRecords a;
    private NodeRecords b;

    @BeforeEach
    void open(RgwServer.Endpoint rgw) throws Exception {
        S3Settings settings = rgw.settings(TestBuckets.unique("dossiers"));
        new S3BucketSetup(settings).ensureLockedBucket();
        storeOfA = new S3RecordingStore(settings);
        storeOfB = new S3RecordingStore(settings);
        a = new NodeRecords(storeOfA, dir.resolve("a"));
        b = new NodeRecords(storeOfB, dir.resolve("b"));
    }

    @AfterEach
    void close() throws Exception {
        a.close();
        b.close();
        storeOfA.close();
        storeOfB.close();
    }

    @Test
    void twoNodesCreatingDossiersAtOnceOnRgwGetDistinctNumbers() throws Exception {
        // 300 here, each racing on RGW's version order; DossierNumbersTest runs the thousand on one
        // file store (1,000 on RGW took a minute of the suite for the same races)
        List<String> numbers = NodeRecords.createConcurrently(List.of(a, b), 2, 75);

        assertThat(numbers).hasSize(300).doesNotHaveDuplicates();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(NodeRecords.numbers(2026, 1, 300));
        assertThat(storeOfA.list("dossiers/")).hasSize(300);
        assertThat(storeOfB.list(DossierNumbers.PREFIX)).hasSize(300);
    }
}

package org.callgate.store.s3;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique bucket names, so tests never share a bucket even against a long-lived S3_ENDPOINT. */
public final class TestBuckets {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestBuckets() {}

    public static String unique(String purpose) {
        return purpose + "-" + RUN + "-" + NEXT.incrementAndGet();
    }
}

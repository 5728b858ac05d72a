/**
 * The embedded file store: a {@link org.callgate.store.RecordingStore} on a local directory, the
 * default for a single callgate (DESIGN §2). It writes atomically and durably and enforces
 * retain-until and legal hold itself (R7, R8, R19), passing the same contract test as the S3 store.
 */
package org.callgate.store.file;

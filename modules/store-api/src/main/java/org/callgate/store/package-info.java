/**
 * The object store SPI: where every durable record of callgate lives (recordings and their
 * metadata JSON, later call traces, dossiers and survey answers), each object with its retention
 * class, retain-until and lock mode. The Lucene index is derived from it and can be rebuilt.
 *
 * <p>Two implementations pass the same contract test (shipped in this module's test-jar): the
 * embedded file store and the S3 store. Both refuse to delete an object before its retain-until
 * or while it is under legal hold (R7, R8, R19), so a retention rule is enforced by the store
 * itself, not only by the purge job that calls it.
 */
package org.callgate.store;

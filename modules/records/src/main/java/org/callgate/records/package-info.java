/**
 * Dossiers (R2, R3) and call traces (R1) as JSON objects in the store, the source of truth, and
 * their way into the index: store first, then index (DESIGN §2), with a journal so that a crash
 * between the two loses nothing from the index. Also the rebuild from the store, the agent
 * look-up service and the synthetic data generator.
 */
package org.callgate.records;

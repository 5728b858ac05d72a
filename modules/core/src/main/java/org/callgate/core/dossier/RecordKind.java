package org.callgate.core.dossier;

/** The kinds of record the index holds, each with its own retention (R1, R2/R3, R4/R7/R8). */
public enum RecordKind {
    DOSSIER,
    TRACE,
    RECORDING
}

package org.callgate.users;

/**
 * Something a user may do, named by what it touches rather than by endpoint, so the web API, the
 * command line and {@code docs/security.md} share one vocabulary.
 */
public enum Capability {
    /** Find a caller by number, name, dossier number, barcode or IBAN. */
    SEARCH,
    /** Open a dossier and its call history (R2). */
    DOSSIER_READ,
    /** Create and edit a dossier, record an IBAN or mandate check (R2, R17). */
    DOSSIER_WRITE,
    /** Read call traces: number, barcode and what was given during the call (R1). */
    TRACES,
    /** Place a callback from a service number (R5). */
    CALLBACKS,
    /** Play sampled and quality-control recordings of the services one supervises (R6, R7, R14). */
    SAMPLED_RECORDINGS,
    /** Play banking-service recordings (R8, MiFID II). */
    BANKING_RECORDINGS,
    /** Place, release and list legal holds (R18, R19). */
    HOLDS,
    /** Read the audit log and its verification state (R11). */
    AUDIT,
    /** Read the recording completeness report (R8). */
    COMPLETENESS_REPORT,
    /** Manage users: add, change passwords, disable, enable, list. */
    USERS,
    /** Read the running configuration; nobody changes it through callgate. */
    CONFIGURATION_READ
}

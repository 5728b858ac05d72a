package org.callgate.core.access;

/**
 * Something a user may do, as the web API checks it. The names are those of the users module's
 * {@code Capability}, which with its {@code Role} table is the one source of truth of who may do
 * what; the wiring maps one onto the other by name, and a test keeps the two lists equal.
 */
public enum Capability {
    /** Find a caller by number, name, dossier number, barcode or IBAN. */
    SEARCH,
    /** Open a dossier and its call history (R2). */
    DOSSIER_READ,
    /** Create and edit a dossier, record an IBAN or mandate check (R2, R17). */
    DOSSIER_WRITE,
    /** Read call traces (R1). */
    TRACES,
    /** Place a callback from a service number (R5). */
    CALLBACKS,
    /** Play sampled and quality-control recordings of the services one supervises (R6, R7, R14). */
    SAMPLED_RECORDINGS,
    /** Play banking-service recordings (R8). */
    BANKING_RECORDINGS,
    /** Place, release and list legal holds (R18, R19). */
    HOLDS,
    /** Handle data-subject requests: list them, check identities, extend, answer, refuse (R12, R20, R22). */
    REQUESTS,
    /** Log a data-subject request a caller makes during a call (R12), for compliance to handle. */
    REQUEST_LOG,
    /** Read the audit log and its verification state (R11). */
    AUDIT,
    /** Read the recording completeness report (R8). */
    COMPLETENESS_REPORT,
    /** Manage users. */
    USERS,
    /** Read the running configuration. */
    CONFIGURATION_READ
}

/**
 * The tamper-evident audit log (R11: personal data is protected against alteration, unauthorised
 * access and misuse, so every purge, hold, configuration load and read of a dossier or recording
 * leaves a trace that cannot be edited, removed or reordered unseen).
 *
 * <p>{@link org.callgate.audit.AuditLog} appends hash-chained JSON lines to local segment files and
 * forces each to disk before it returns; {@link org.callgate.audit.AuditArchive} writes sealed
 * segments and the chain head to the {@link org.callgate.store.RecordingStore} under {@code
 * COMPLIANCE} retention, so that nobody can change or shorten what was sealed; {@link
 * org.callgate.audit.AuditVerifier} recomputes the chain and names the first broken entry. See
 * {@code docs/audit.md}.
 */
package org.callgate.audit;

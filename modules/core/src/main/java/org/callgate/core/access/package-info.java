/**
 * What the web API needs of users, the audit log and the records, as small interfaces the wiring
 * implements: {@link org.callgate.core.access.Accounts} (log in), {@link
 * org.callgate.core.access.AuditTrail} (who did what), {@link org.callgate.core.access.DossierLookup}
 * (search and open dossiers) and {@link org.callgate.core.access.RecordingAccess} (find recordings,
 * open their audio). The web module sees nothing else of callgate.
 */
package org.callgate.core.access;

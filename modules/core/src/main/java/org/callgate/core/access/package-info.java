/**
 * What the web API needs of users, the audit log and the records, as small interfaces the wiring
 * implements: {@link org.callgate.core.access.Accounts} (log in), {@link
 * org.callgate.core.access.AuditTrail} (who did what) and {@link org.callgate.core.access.DossierLookup}
 * (search and open dossiers). The web module sees nothing else of callgate.
 */
package org.callgate.core.access;

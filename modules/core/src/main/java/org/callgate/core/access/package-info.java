/**
 * What the web API needs of users, the audit log and the records, as small interfaces the wiring
 * implements: {@link org.callgate.core.access.Accounts} (log in), {@link
 * org.callgate.core.access.AuditTrail} (who did what), {@link org.callgate.core.access.DossierLookup}
 * (search and open dossiers), {@link org.callgate.core.access.RecordingAccess} (find recordings,
 * open their audio), and for compliance staff {@link org.callgate.core.access.HoldDesk} (legal
 * holds), {@link org.callgate.core.access.AuditReader} (the audit log and its verification) and
 * {@link org.callgate.core.access.ComplianceReports} (completeness, purges, coverage). The web
 * module sees nothing else of callgate.
 */
package org.callgate.core.access;

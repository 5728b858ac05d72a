package org.callgate.core.access;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The reports compliance staff read through the web API: the completeness of banking recordings
 * (R8), the purge runs (R1-R8, R14, as the audit log keeps them) and the recording coverage per
 * service and day. Who may read them and the audit entries are the web layer's.
 */
public interface ComplianceReports {

    /** The longest period one report or dashboard covers, in days. */
    int MAX_DAYS = 92;

    /** The banking calls started in {@code [from, to)} and the state of their recordings. */
    CompletenessReport completeness(Instant from, Instant to) throws IOException;

    /** The latest purge runs, newest first, at most {@code limit}. */
    List<PurgeRun> purges(int limit) throws IOException;

    /** Calls and recordings per service for each of {@code days} days up to {@code last}, included. */
    Dashboard dashboard(LocalDate last, int days) throws IOException;
}

package org.callgate.core.access;

import java.util.List;
import java.util.Objects;

/**
 * What placing or releasing a hold did (R19): the hold, and how many records and store objects it
 * put on hold or lifted; for the audit entry and the answer.
 *
 * @param hold the hold as it now is
 * @param records the records (dossier versions, traces, recordings) it touched
 * @param objects the store objects it touched
 * @param notFound what the hold names that nothing stored matches yet (it covers them when they come)
 */
public record HoldChange(Hold hold, int records, int objects, List<String> notFound) {

    public HoldChange {
        Objects.requireNonNull(hold, "hold");
        notFound = List.copyOf(notFound);
    }
}

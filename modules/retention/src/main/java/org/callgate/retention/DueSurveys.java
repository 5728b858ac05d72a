package org.callgate.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;

/**
 * Survey answers (R10, 3 years) are stored one object per call under {@code surveys/yyyy/MM/dd/}
 * and not indexed, so the purge finds them in the store: only the days old enough to hold due
 * surveys are looked at, and each candidate's own retain-until and hold decide. A key whose day
 * cannot be read is kept and counted.
 */
final class DueSurveys {

    static final String PREFIX = "surveys/";
    static final String CLASS = "survey";

    private DueSurveys() {}

    /** Plan lines {@code S survey <key>} for what is due at {@code now}; {@code kept} counts what cannot be dated. */
    static List<String> plan(RecordingStore store, RetentionProfile profile, Instant now, Tally kept)
            throws StoreException {
        List<String> lines = new ArrayList<>();
        if (!profile.has(CLASS)) {
            return lines;
        }
        for (ObjectKey key : store.list(PREFIX)) {
            Optional<LocalDate> day = day(key);
            if (day.isEmpty()) {
                kept.kept("undated:" + CLASS, 1);
                continue;
            }
            Instant earliestDue = day.get().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (profile.rule(CLASS).until(earliestDue).isAfter(now)) {
                continue; // nothing of that day can be due yet
            }
            Optional<ObjectInfo> head = store.head(key);
            if (head.isPresent()
                    && !head.get().legalHold()
                    && !head.get().retention().retainUntil().isAfter(now)) {
                lines.add("S\t" + CLASS + "\t" + key.value());
            }
        }
        return lines;
    }

    private static Optional<LocalDate> day(ObjectKey key) {
        String[] parts = key.value().split("/");
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(parts[1] + "-" + parts[2] + "-" + parts[3]));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

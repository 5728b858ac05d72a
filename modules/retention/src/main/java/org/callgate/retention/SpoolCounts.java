package org.callgate.retention;

import java.util.ArrayList;
import java.util.List;

/** What one {@link SpoolPurge} run found, by kind, and the note an operator reads. */
final class SpoolCounts {

    long expired;
    long orphans;
    long temps;
    long kept;
    long unreadable;
    long unknownClass;

    LocalPurge.Outcome outcome(String what) {
        List<String> note = new ArrayList<>();
        if (expired > 0) {
            note.add(expired + " recordings never uploaded removed at the end of their retention (an upload"
                    + " failure: see the uploader's log)");
        }
        if (orphans > 0) {
            note.add(orphans + " WAV files without entry removed");
        }
        if (temps > 0) {
            note.add(temps + " stale temporary files removed");
        }
        if (unreadable > 0) {
            note.add(unreadable + " entries that cannot be read kept");
        }
        if (unknownClass > 0) {
            note.add(unknownClass + " entries of a retention class the profile does not have kept");
        }
        return new LocalPurge.Outcome(
                what, expired + orphans + temps, kept + unreadable + unknownClass, String.join("; ", note));
    }
}

package org.callgate.core.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.callgate.core.PhoneNumber;

/**
 * A caller's dossier (R2): who they are, how to reach them, what they asked, and the calls linked
 * to it. A dossier of the banking service is a banking dossier (R3), kept 10 years instead of 3;
 * its class is fixed at creation, like its retain-until.
 *
 * <p>Dossiers change (an agent adds a note, links a call); each change is a new {@code version},
 * stored as a new object, because the store never overwrites (DESIGN §2). The highest version is
 * the dossier.
 *
 * @param number the dossier number, unique ({@code D2026-000123})
 * @param iban the bank account, only where the request needs it (R2), or null
 * @param email where given, or null
 * @param service the service line's service the dossier belongs to ({@code banking}, {@code parcels})
 * @param calls call ids linked to the dossier, oldest first
 * @param created when the dossier was opened; retention counts from here
 * @param updated when this version was written
 */
public record Dossier(
        String number,
        int version,
        String name,
        String firstName,
        List<PhoneNumber> phones,
        Iban iban,
        String email,
        String notes,
        String service,
        List<String> calls,
        Instant created,
        Instant updated,
        RecordRetention retention) {

    public Dossier {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(retention, "retention");
        if (version < 1) {
            throw new IllegalArgumentException("dossier version starts at 1: " + version);
        }
        firstName = firstName == null ? "" : firstName;
        notes = notes == null ? "" : notes;
        phones = List.copyOf(phones);
        calls = List.copyOf(calls);
    }

    /** "Dubois, Marie": how agents see the name. */
    public String displayName() {
        return firstName.isEmpty() ? name : name + ", " + firstName;
    }

    /** The same version with another retention: the store's legal hold, read back (R19). */
    public Dossier withRetention(RecordRetention kept) {
        return new Dossier(
                number, version, name, firstName, phones, iban, email, notes, service, calls, created, updated, kept);
    }

    /** The next version, with {@code callId} linked (once). */
    public Dossier linking(String callId, Instant at) {
        if (calls.contains(callId)) {
            return this;
        }
        List<String> linked = new ArrayList<>(calls);
        linked.add(callId);
        return new Dossier(
                number,
                version + 1,
                name,
                firstName,
                phones,
                iban,
                email,
                notes,
                service,
                linked,
                created,
                at,
                retention);
    }
}

package org.callgate.core.dossier;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.callgate.core.PhoneNumber;

/**
 * An agent's look-up: any combination of criteria, all of which must hold, with filters and a
 * page. Numbers are compared in E.164, so every written form of a number finds the same dossier;
 * names are matched with accents folded and typos tolerated; dossier numbers, barcodes and IBANs
 * match exactly.
 *
 * <p>{@link #of(String)} reads what an agent types in one search box and decides which criterion
 * it is: an IBAN, a dossier number, a barcode, a telephone number, or else a name.
 *
 * @param kinds the kinds of record wanted; empty means all
 * @param from inclusive lower bound of the record's time (dossier: last change; call: start), or null
 * @param to exclusive upper bound, or null
 */
public record SearchQuery(
        PhoneNumber phone,
        String name,
        String dossier,
        String barcode,
        Iban iban,
        String callId,
        String service,
        Instant from,
        Instant to,
        Set<RecordKind> kinds,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 200;
    private static final Pattern DOSSIER_NUMBER = Pattern.compile("D[0-9]{4}-[0-9]{6}");
    private static final Pattern BARCODE = Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}|[0-9]{16,30}");

    public SearchQuery {
        kinds = kinds.isEmpty() ? EnumSet.allOf(RecordKind.class) : EnumSet.copyOf(kinds);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        name = blankToNull(name);
        dossier = blankToNull(dossier);
        barcode = barcode == null ? null : blankToNull(CallTrace.normaliseBarcode(barcode));
        callId = blankToNull(callId);
        service = blankToNull(service);
    }

    /** Everything, newest first, 20 a page. */
    public static SearchQuery all() {
        return new SearchQuery(null, null, null, null, null, null, null, null, null, Set.of(), 0, 20);
    }

    /** What an agent typed in the search box, read as the one criterion it looks like. */
    public static SearchQuery of(String text) {
        String typed = Objects.requireNonNull(text, "text").strip();
        String compact = CallTrace.normaliseBarcode(typed);
        SearchQuery all = all();
        Optional<Iban> iban = Iban.tryParse(typed);
        if (iban.isPresent()) {
            return all.withIban(iban.get());
        }
        if (DOSSIER_NUMBER.matcher(compact).matches()) {
            return all.withDossier(compact);
        }
        if (BARCODE.matcher(compact).matches()) {
            return all.withBarcode(compact);
        }
        if (typed.matches("[+0-9 ./()-]{6,}")) {
            var phone = PhoneNumber.tryParse(typed);
            if (phone.isPresent()) {
                return all.withPhone(phone.get());
            }
        }
        return all.withName(typed);
    }

    /** True when no criterion is set: only filters and the page. */
    public boolean browsing() {
        return phone == null && name == null && dossier == null && barcode == null && iban == null && callId == null;
    }

    public SearchQuery withPhone(PhoneNumber value) {
        return new SearchQuery(value, name, dossier, barcode, iban, callId, service, from, to, kinds, offset, limit);
    }

    public SearchQuery withName(String value) {
        return new SearchQuery(phone, value, dossier, barcode, iban, callId, service, from, to, kinds, offset, limit);
    }

    public SearchQuery withDossier(String value) {
        return new SearchQuery(phone, name, value, barcode, iban, callId, service, from, to, kinds, offset, limit);
    }

    public SearchQuery withBarcode(String value) {
        return new SearchQuery(phone, name, dossier, value, iban, callId, service, from, to, kinds, offset, limit);
    }

    public SearchQuery withIban(Iban value) {
        return new SearchQuery(phone, name, dossier, barcode, value, callId, service, from, to, kinds, offset, limit);
    }

    public SearchQuery withCallId(String value) {
        return new SearchQuery(phone, name, dossier, barcode, iban, value, service, from, to, kinds, offset, limit);
    }

    public SearchQuery withService(String value) {
        return new SearchQuery(phone, name, dossier, barcode, iban, callId, value, from, to, kinds, offset, limit);
    }

    public SearchQuery between(Instant fromInclusive, Instant toExclusive) {
        return new SearchQuery(
                phone, name, dossier, barcode, iban, callId, service, fromInclusive, toExclusive, kinds, offset, limit);
    }

    public SearchQuery only(RecordKind first, RecordKind... more) {
        return new SearchQuery(
                phone, name, dossier, barcode, iban, callId, service, from, to, EnumSet.of(first, more), offset, limit);
    }

    public SearchQuery page(int pageOffset, int pageLimit) {
        return new SearchQuery(
                phone, name, dossier, barcode, iban, callId, service, from, to, kinds, pageOffset, pageLimit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.callgate.core.dossier;

import java.time.Instant;
import java.util.List;

/**
 * One record found: what an agent's result list shows. Need to know (R11): a bank account is only
 * ever shown masked here, whatever the search was.
 *
 * @param id the dossier number, or the call id of a trace or recording
 * @param dossier the dossier number (a dossier's own, or the one a call is linked to), or null
 * @param displayName "Dubois, Marie" for a dossier, null otherwise
 * @param phones E.164 numbers: a dossier's, or a call's caller
 * @param maskedIban {@link Iban#masked()}, or null
 * @param barcodes a trace's barcodes, empty otherwise
 * @param time a dossier's last change, a call's start
 */
public record SearchHit(
        RecordKind kind,
        String id,
        String dossier,
        String displayName,
        List<String> phones,
        String maskedIban,
        List<String> barcodes,
        String service,
        Instant time,
        RecordRetention retention,
        float score) {

    public SearchHit {
        phones = List.copyOf(phones);
        barcodes = List.copyOf(barcodes);
    }
}

package org.callgate.index;

/** The index's field names, one place for the writer, the queries and the readers. */
final class Fields {

    /** kind:id, the term a record is replaced by. */
    static final String UID = "uid";

    static final String KIND = "kind";
    static final String ID = "id";
    static final String DOSSIER = "dossier";
    /** E.164, indexed; {@link #PHONES} is the stored copy. */
    static final String PHONE = "phone";

    static final String PHONES = "phones";
    /** Name and first name, analysed by {@link NameAnalyzer}; {@link #DISPLAY} is the stored form. */
    static final String NAME = "name";

    static final String DISPLAY = "display";
    /** The full IBAN, indexed and never stored; {@link #IBAN_MASKED} is all a hit shows (R11). */
    static final String IBAN = "iban";

    static final String IBAN_MASKED = "ibanMasked";
    static final String BARCODE = "barcode";
    static final String CALL_ID = "callId";
    static final String SERVICE = "service";
    /** Epoch milliseconds: a dossier's last change, a call's start. Point, doc value and stored. */
    static final String TIME = "time";

    static final String RETENTION_CLASS = "retentionClass";
    /** Epoch milliseconds of retain-until, a point for the purge query, and stored. */
    static final String RETAIN_UNTIL = "retainUntil";
    /** Present with value {@link #HELD} on records under legal hold (R19). */
    static final String LEGAL_HOLD = "legalHold";

    static final String HELD = "1";
    static final String VERSION = "version";
    static final String STORE_KEY = "storeKey";

    private Fields() {}
}

package org.callgate.records;

/**
 * An edit of a dossier refused because another version was written first, on this node or
 * another sharing the store (ADR 0018): the edit was made on a version that is no longer the
 * latest. Nothing was written; the agent reloads the dossier and edits again. The web API answers
 * 409 Conflict with the message.
 *
 * <p>An {@link IllegalStateException}: the dossier's state, not the request, forbids the write.
 */
public final class DossierChangedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String number;
    private final int edited;

    DossierChangedException(String number, int edited, String message) {
        super(message);
        this.number = number;
        this.edited = edited;
    }

    /** Version {@code latest} was stored while version {@code edited} was being edited. */
    static DossierChangedException storedMeanwhile(String number, int edited, int latest) {
        return new DossierChangedException(
                number,
                edited,
                "dossier " + number + " was changed meanwhile (on another node): version " + edited
                        + " was edited, version " + latest + " is the latest; reload it and edit again");
    }

    /** Version {@code edited + 1} is claimed by another writer and not stored (yet). */
    static DossierChangedException beingWritten(String number, int edited) {
        return new DossierChangedException(
                number,
                edited,
                "dossier " + number + " is being changed meanwhile (on another node): version " + (edited + 1)
                        + " is being written on top of version " + edited + "; reload it and edit again");
    }

    /** A change made again on top of each version stored first, {@code attempts} times, lost every time. */
    static DossierChangedException keptChanging(String number, int edited, int attempts) {
        return new DossierChangedException(
                number,
                edited,
                "dossier " + number + " kept changing meanwhile (on other nodes): another version was written first "
                        + attempts + " times, the last on top of version " + edited + "; try again");
    }

    /** The dossier's number. */
    public String number() {
        return number;
    }

    /** The version the refused edit was made on. */
    public int edited() {
        return edited;
    }
}

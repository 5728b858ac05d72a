package org.callgate.core.access;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The register of legal holds for the web API (R18, R19): list, place and release. A hold placed
 * here is the same as one placed from the command line: in the register, on every stored object it
 * covers, and on what joins it later. Who may do this ({@link Capability#HOLDS}) and the audit
 * entry are the web layer's.
 */
public interface HoldDesk {

    /** The holds, newest first: the active ones, and with {@code released} the released ones too. */
    List<Hold> list(boolean released);

    /** One hold by id, active or released. */
    Optional<Hold> find(String id);

    /**
     * Places a hold and holds what is already stored.
     *
     * @param value a dossier number, a caller's number in E.164, or a call id, already checked
     * @throws IllegalStateException when an active hold with the same scope, value and case exists
     */
    HoldChange place(Hold.Scope scope, String value, String caseId, String reason, String actor) throws IOException;

    /**
     * Releases an active hold and lifts it from what no other active hold covers.
     *
     * @throws IllegalArgumentException when there is no such active hold
     */
    HoldChange release(String id, String actor) throws IOException;
}

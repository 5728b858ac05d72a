package org.callgate.core.access;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callgate.core.request.DataSubject;
import org.callgate.core.request.DossierCorrection;
import org.callgate.core.request.RequestOutcome;
import org.callgate.core.request.RequestType;
import org.callgate.core.request.RightsRequest;

/**
 * The register of data-subject requests for the web API (R12, R20, R22): the same register as the
 * command line's, so that a step taken here holds at once (an objection from the caller's next
 * call) and after a restart. The register writes each step's audit entry, with the acting user;
 * who may take which step ({@link Capability#REQUESTS}, {@link Capability#REQUEST_LOG}) is the
 * web layer's.
 */
public interface RequestRegister {

    /** The requests, soonest due first: the open ones, and with {@code closed} the closed ones too. */
    List<RightsRequest> list(boolean closed);

    Optional<RightsRequest> find(String id);

    /**
     * Records a request.
     *
     * @param received when it came in, or null for now
     * @throws IllegalArgumentException when {@code received} is in the future
     */
    RightsRequest open(RequestType type, DataSubject subject, Instant received, String via, String actor)
            throws IOException;

    /** The steps of {@link RightsRequest}: {@code IllegalStateException} when its state forbids it, {@code IllegalArgumentException} for bad values. */
    RightsRequest verify(String id, String method, String actor) throws IOException;

    RightsRequest extend(String id, Instant due, String reason, String actor) throws IOException;

    RightsRequest answer(String id, String text, String actor) throws IOException;

    RightsRequest refuse(String id, String reason, String actor) throws IOException;

    /**
     * Carries out a verified request that changes records (R12): an erasure erases what no law
     * keeps and restricts the rest, an objection erases the subject's sampled recordings, a
     * withdrawal their survey answers, a restriction marks their records restricted. The report is
     * kept with the request.
     *
     * @throws IllegalStateException when the identity is not checked yet (R22) or the request is closed
     * @throws IllegalArgumentException when the request's type changes no record (access, portability, rectification)
     */
    RequestOutcome carryOut(String id, String actor) throws IOException;

    /**
     * Writes the answer to a verified access or portability request (R12, R20): the zip of
     * everything kept about the subject, audited as a read of personal data (R11).
     *
     * @throws IllegalStateException when the identity is not checked yet (R22) or the request is closed
     * @throws IllegalArgumentException when the request is not an access or portability request
     */
    void export(String id, String actor, OutputStream out) throws IOException;

    /**
     * Carries out a verified rectification (R12): the corrected dossier version, and the earlier
     * versions erased unless a law or a hold keeps them (the report says which and why).
     *
     * @throws IllegalStateException when the identity is not checked yet (R22) or the request is closed
     * @throws IllegalArgumentException when the request is not a rectification, the dossier is not
     *     the requester's, or a corrected value is not valid
     */
    RequestOutcome rectify(String id, DossierCorrection correction, String actor) throws IOException;
}

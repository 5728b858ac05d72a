package org.callgate.sip;

import javax.sip.ServerTransaction;
import org.callgate.core.media.LegSide;

/** What a client transaction callgate sent was for; attached as the transaction's application data. */
sealed interface TxContext {

    /** The agent-leg INVITE of a new call. */
    record AgentInvite(B2buaCall call) implements TxContext {}

    /** A request relayed from one leg to the other; its answer goes back on {@code origin}. */
    record Relayed(B2buaCall call, LegSide from, ServerTransaction origin) implements TxContext {}

    /** A REFER asking an agent's phone to call back (R5); completes with the phone's final status. */
    record Referral(java.util.concurrent.CompletableFuture<Integer> outcome) implements TxContext {}

    /** callgate's own session refresh of one leg (RFC 4028 §7.4, §10). */
    record Refresh(B2buaCall call, LegSide side) implements TxContext {}

    /** A request whose answer changes nothing (BYE, CANCEL sent by callgate). */
    record Fire() implements TxContext {}

    Fire FIRE = new Fire();
}

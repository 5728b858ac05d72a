package org.callgate.core.access;

import java.util.function.Consumer;
import org.callgate.core.call.LiveCall;

/**
 * The calls being routed, answered and ended, for the agents' live panel (R15). Subscribers are
 * called on signalling threads: they must return at once, never block.
 */
@FunctionalInterface
public interface LiveCallFeed {

    /** Calls {@code subscriber} with every change from now on, until the subscription is closed. */
    Subscription subscribe(Consumer<LiveCall> subscriber);

    /** Ends a subscription. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

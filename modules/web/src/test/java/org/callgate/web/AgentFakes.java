package org.callgate.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.callgate.core.access.LiveCallFeed;
import org.callgate.core.call.LiveCall;

/**
 * In-memory SPIs of the agents' and admins' routes, beside {@link AccessFakes}: a live call feed
 * the test publishes to.
 */
final class AgentFakes {

    /** The heartbeat of the test servers: short, so that a test sees one. */
    static final Duration HEARTBEAT = Duration.ofMillis(200);

    final List<Consumer<LiveCall>> subscribers = new CopyOnWriteArrayList<>();

    final LiveCallFeed live = subscriber -> {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    };

    /** Tells every subscriber, as the SIP layer's observer does. */
    void publish(LiveCall call) {
        subscribers.forEach(subscriber -> subscriber.accept(call));
    }

    /** Adds the agents' and admins' routes over these fakes. */
    WebServer.Builder wire(WebServer.Builder builder) {
        return builder.liveCalls(live, HEARTBEAT);
    }
}

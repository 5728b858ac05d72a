package org.callgate.core.health;

/**
 * One part of callgate whose readiness the web server reports at {@code /health}: the store, the
 * index, the SIP gateway. The wiring registers one per part; the web server knows only this SPI.
 *
 * <p>A check must be cheap (a head or list on the store, a count on the index, a flag on the
 * gateway): load balancers and probes call it every few seconds. It may block briefly; the web
 * server runs it off its event loop. It should not throw: a thrown exception is reported as
 * {@link Health#down(String) down} with the exception's class name as the reason.
 */
public interface HealthCheck {

    /** The component's name in the report, such as {@code store}: lower case, stable. */
    String name();

    /** The component's state now. */
    Health check();
}

package org.callgate.core.ivr;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callgate.core.PhoneNumber;

/** A {@link CallIndex} in a map: numbers are E.164, so every written form of a number finds it. */
public final class InMemoryCallIndex implements CallIndex {

    private final Map<PhoneNumber, KnownCaller> callers = new ConcurrentHashMap<>();

    public InMemoryCallIndex put(PhoneNumber number, KnownCaller caller) {
        callers.put(number, caller);
        return this;
    }

    @Override
    public Optional<KnownCaller> identify(PhoneNumber caller) {
        return Optional.ofNullable(callers.get(caller));
    }
}

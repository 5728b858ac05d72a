package org.callgate.app;

import java.util.List;
import org.callgate.core.call.CallObserver;
import org.callgate.core.call.CallSummary;
import org.callgate.core.call.LiveCall;

/** Several observers as one, told in order: the trace writer, the live panel, the caller's own. */
record CallObservers(List<CallObserver> observers) implements CallObserver {

    CallObservers {
        observers = List.copyOf(observers);
    }

    static CallObserver of(CallObserver... observers) {
        return new CallObservers(List.of(observers));
    }

    @Override
    public void callEnded(CallSummary summary) {
        observers.forEach(observer -> observer.callEnded(summary));
    }

    @Override
    public void callRouted(LiveCall call) {
        observers.forEach(observer -> observer.callRouted(call));
    }

    @Override
    public void callAnswered(LiveCall call) {
        observers.forEach(observer -> observer.callAnswered(call));
    }
}

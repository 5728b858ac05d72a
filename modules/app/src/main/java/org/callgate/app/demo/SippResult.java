package org.callgate.app.demo;

/**
 * How a SIPp run ended. SIPp exits 0 when every call followed the scenario, 1 when at least one
 * failed, and negative on a fatal error.
 */
public record SippResult(int exitCode, String output) {

    public boolean allCallsSucceeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "SIPp exit " + exitCode + "\n" + output;
    }
}

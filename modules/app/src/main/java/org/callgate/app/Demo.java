package org.callgate.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "demo", description = "Start callgate on embedded defaults and place a few real calls through it with SIPp.")
final class Demo implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}

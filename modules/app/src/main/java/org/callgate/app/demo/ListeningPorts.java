package org.callgate.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether a local port is bound, read from the kernel's socket tables ({@code /proc/net/udp},
 * {@code /proc/net/tcp} and their IPv6 twins) rather than by binding it, which would steal the port from the process
 * being waited for. A SIPp agent queue is only started once it listens, so a caller started right
 * after it never reaches a closed port.
 */
public final class ListeningPorts {

    private static final String TCP_LISTEN = "0A";

    private ListeningPorts() {}

    /** Is {@code port} bound for UDP, or listening for TCP when {@code tcp}? */
    public static boolean bound(int port, boolean tcp) {
        String name = tcp ? "/proc/net/tcp" : "/proc/net/udp";
        Path v4 = Path.of(name);
        if (!Files.isReadable(v4)) {
            return true; // not Linux: nothing to read, so do not wait
        }
        return bound(table(v4), port, tcp) || bound(table(Path.of(name + "6")), port, tcp);
    }

    private static List<String> table(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            return List.of(); // no IPv6 on this host
        }
    }

    static boolean bound(List<String> table, int port, boolean tcp) {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String line : table.subList(Math.min(1, table.size()), table.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 3 && fields[1].endsWith(suffix) && (!tcp || TCP_LISTEN.equals(fields[3]))) {
                return true;
            }
        }
        return false;
    }
}

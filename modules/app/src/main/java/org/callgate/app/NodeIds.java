package org.callgate.app;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.callgate.app.config.CallgateConfig;
import org.callgate.audit.AuditArchive;

/**
 * This callgate's name among the nodes that share one store (ADR 0018): {@code node-id} from the
 * configuration, else the host name, which tells the nodes behind one Kamailio apart without any
 * setting. It names the node's audit chain in the store ({@code audit/nodes/<node>/}, R11) and
 * its rings of the shared registers, so it is made one segment of an object key: characters
 * other than {@code A-Z a-z 0-9 . _ = + -} become {@code -}, at most 63 of them.
 */
final class NodeIds {

    /** When the host has no usable name at all. */
    static final String FALLBACK = "callgate";

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private NodeIds() {}

    static String of(CallgateConfig config) {
        return config.nodeId() != null ? config.nodeId() : fromHostName(hostName());
    }

    /** {@code name} made a node id. */
    static String fromHostName(String name) {
        String cleaned = name == null ? "" : name.strip().replaceAll("[^A-Za-z0-9._=+-]", "-");
        cleaned = cleaned.replaceFirst("^[^A-Za-z0-9]+", "");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return AuditArchive.validNode(cleaned) ? cleaned.toLowerCase(Locale.ROOT) : FALLBACK;
    }

    /** The kernel's host name (no lookup that could wait on DNS), else Java's. */
    private static String hostName() {
        try {
            if (Files.isReadable(KERNEL_HOSTNAME)) {
                return Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8);
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return FALLBACK;
        }
    }
}

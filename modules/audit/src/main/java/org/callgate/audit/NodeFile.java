package org.callgate.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node a local audit log belongs to, kept beside its segments ({@code node-id}, ADR 0018):
 * written when the log is first archived under a node, and kept from then on, so its chain stays
 * under one name in the store even when the host is renamed, and anything that verifies the
 * directory ({@link AuditVerifier#verify(Path, org.callgate.store.RecordingStore)}, the web API)
 * knows which stored chain is its own.
 */
final class NodeFile {

    private static final Logger LOG = LoggerFactory.getLogger(NodeFile.class);
    static final String NAME = "node-id";

    private NodeFile() {}

    /** The node the log in {@code directory} was archived as, if it was. */
    static Optional<String> read(Path directory) throws IOException {
        try {
            String node = Files.readString(directory.resolve(NAME), StandardCharsets.UTF_8)
                    .strip();
            return node.isEmpty() ? Optional.empty() : Optional.of(node);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /**
     * The node the log in {@code directory} is archived as: {@code node} when it has none yet (then
     * written, durably), else the one it has, said once in the log when it differs.
     */
    static String pin(Path directory, String node) throws IOException {
        Optional<String> pinned = read(directory);
        if (pinned.isEmpty()) {
            try {
                Segments.writeDurably(directory.resolve(NAME), (node + "\n").getBytes(StandardCharsets.UTF_8));
                return node;
            } catch (FileAlreadyExistsException raced) {
                pinned = read(directory);
            }
        }
        String kept = pinned.orElse(node);
        if (!kept.equals(node)) {
            LOG.warn(
                    "audit: the log in {} is archived as node {} and stays so (the node id is now {});"
                            + " its chain is audit/nodes/{}/ in the store",
                    directory,
                    kept,
                    node,
                    kept);
        }
        return kept;
    }
}

package org.callgate.app.config;

import java.util.List;
import org.callgate.audit.AuditArchive;

/**
 * The rule for {@code node-id} (ADR 0018): it names this node's audit chain in the store ({@code
 * audit/nodes/<node-id>/}, R11), so it must be one segment of an object key, as a host name is.
 */
final class NodeRules {

    private NodeRules() {}

    static List<Problem> check(CallgateConfig config) {
        Problems problems = new Problems();
        String node = config.nodeId();
        problems.require(
                node == null || AuditArchive.validNode(node),
                "node-id",
                node,
                "a node id: 1 to 63 of A-Z a-z 0-9 . _ = + -, a letter or digit first (it names this node's audit"
                        + " chain in the store)");
        return problems.list();
    }
}

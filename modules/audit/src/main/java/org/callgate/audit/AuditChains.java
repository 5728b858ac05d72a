package org.callgate.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.callgate.store.ObjectKey;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;

/**
 * Verifies every audit chain in one store together (R11, ADR 0018): with several nodes on one
 * store, each keeps its own chain, archived under {@code audit/nodes/<node>/}. This node's chain
 * is checked from its local log against its sealed copies, as a single callgate's always was;
 * every other node's from its sealed segments and heads in the store, which is all of it this
 * machine can see: its entries since its last archive are in that node's active segment, and only
 * a verify on that node checks them.
 *
 * <p>The chain a callgate archived before node ids ({@code audit/segments/}, {@code audit/heads/})
 * is its node's earlier archive, found by its first entry, which no two chains share: when it is
 * this node's, the local log is checked against it too; when another node's, that node's copies
 * are; when nobody's (its node never archived with an id), it is checked on its own. A chain that
 * is only heads so far (its first day) is taken as this node's.
 */
public final class AuditChains {

    /** The owner of the layout before node ids when no node's chain starts as it does. */
    private static final String NOBODY = "\u0000nobody";

    private AuditChains() {}

    /**
     * What was found of one chain.
     *
     * @param node the node's id; null for the layout before node ids, when it is nobody's
     * @param local whether it was checked against this machine's log, not only its copies in the store
     * @param verification what the verifier found
     * @param storedHead the seq of the latest head in the store, 0 when there is none
     */
    public record Chain(String node, boolean local, AuditVerification verification, long storedHead) {

        /** One line for a terminal, naming the chain. */
        public String line() {
            String name = node == null
                    ? "before node ids (" + AuditKeys.ROOT + ")"
                    : "node " + node + (local ? " (this node)" : " (from the store)");
            String summary = verification.summary().substring("audit: ".length());
            String tail = !local && verification.intact() && storedHead > verification.headSeq()
                    ? "; entries " + (verification.headSeq() + 1) + " to " + storedHead
                            + " are in its active segment: verify on that node"
                    : "";
            return "audit: " + name + ": " + summary + tail;
        }
    }

    /**
     * Every chain in {@code store}: this node's first, checked against its log in {@code
     * directory}, then the others by node id. This node is the one the log was archived as
     * ({@code node-id} beside its segments), else {@code node}.
     */
    public static List<Chain> verify(Path directory, String node, RecordingStore store)
            throws IOException, StoreException {
        Found found = Found.read(directory, NodeFile.read(directory).orElse(node), store);
        List<Chain> chains = new ArrayList<>();
        chains.add(new Chain(found.local, true, found.verifyLocal(directory), found.localHead()));
        for (Map.Entry<String, StoredAudit> other : found.others.entrySet()) {
            AuditVerification theirs = AuditVerifier.verifyStored(other.getValue());
            if (theirs.intact() && found.owner.equals(other.getKey())) {
                theirs = AuditVerifier.compareStored(other.getValue(), found.single);
            }
            chains.add(new Chain(other.getKey(), false, theirs, headSeq(other.getValue())));
        }
        if (found.owner.equals(NOBODY)) {
            chains.add(new Chain(null, false, AuditVerifier.verifyStored(found.single), headSeq(found.single)));
        }
        return chains;
    }

    /** This node's chain alone: its log in {@code directory} against its copies, as {@link #verify} checks it. */
    static AuditVerification verifyLocal(Path directory, String node, RecordingStore store)
            throws IOException, StoreException {
        return Found.read(directory, node, store).verifyLocal(directory);
    }

    /** What the store holds: this node's chain, the others', and the one before node ids with its owner. */
    private record Found(
            String local, StoredAudit own, Map<String, StoredAudit> others, StoredAudit single, String owner) {

        static Found read(Path directory, String local, RecordingStore store) throws IOException, StoreException {
            StoredAudit own = StoredAudit.read(store, AuditKeys.node(local));
            Map<String, StoredAudit> others = new TreeMap<>();
            for (String node : nodes(store)) {
                if (!node.equals(local) && AuditArchive.validNode(node)) {
                    others.put(node, StoredAudit.read(store, AuditKeys.node(node)));
                }
            }
            StoredAudit single = StoredAudit.read(store, AuditKeys.SINGLE);
            String owner = single.isEmpty() ? "" : ownerOf(single, directory, local, others);
            return new Found(local, own, others, single, owner);
        }

        /** Against its own copies, then against what it archived before node ids, when that is its. */
        AuditVerification verifyLocal(Path directory) throws IOException, StoreException {
            AuditVerification mine = AuditVerifier.verify(directory, own);
            return mine.intact() && owner.equals(local) ? AuditVerifier.verify(directory, single) : mine;
        }

        long localHead() {
            return Math.max(headSeq(own), owner.equals(local) ? headSeq(single) : 0);
        }
    }

    /** Whose earlier archive the layout before node ids holds: a node id, or {@link #NOBODY}. */
    private static String ownerOf(StoredAudit single, Path directory, String localNode, Map<String, StoredAudit> others)
            throws IOException, StoreException {
        Optional<byte[]> first = firstLine(single);
        if (first.isEmpty()) {
            return localNode; // heads only: a chain in its first day
        }
        Optional<byte[]> local = firstLocalLine(directory);
        if (local.isPresent() && Arrays.equals(local.get(), first.get())) {
            return localNode;
        }
        for (Map.Entry<String, StoredAudit> other : others.entrySet()) {
            Optional<byte[]> theirs = firstLine(other.getValue());
            if (theirs.isPresent() && Arrays.equals(theirs.get(), first.get())) {
                return other.getKey();
            }
        }
        return local.isEmpty() ? localNode : NOBODY; // a local log gone missing shows as such
    }

    private static Optional<byte[]> firstLine(StoredAudit stored) throws IOException, StoreException {
        Optional<byte[]> segment = stored.segment(1);
        return segment.map(Segments::split).flatMap(AuditChains::firstOf);
    }

    private static Optional<byte[]> firstLocalLine(Path directory) throws IOException {
        Path first = directory.resolve(Segments.name(1));
        return Segments.list(directory).contains(first) ? firstOf(Segments.read(first)) : Optional.empty();
    }

    private static Optional<byte[]> firstOf(Segments.Content content) {
        return content.lines().isEmpty()
                ? Optional.empty()
                : Optional.of(content.lines().getFirst());
    }

    private static List<String> nodes(RecordingStore store) throws StoreException {
        List<String> nodes = new ArrayList<>();
        for (ObjectKey key : store.list(AuditKeys.NODES)) {
            String node = AuditKeys.nodeOf(key);
            if (node != null && (nodes.isEmpty() || !nodes.getLast().equals(node))) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static long headSeq(StoredAudit stored) {
        return stored.latestHead().map(StoredAudit.Head::seq).orElse(0L);
    }
}

package org.callgate.audit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.callgate.store.ObjectKey;

/**
 * Where one chain of the audit log lives in the store: sealed segments under {@code
 * <prefix>segments/}, chain heads under {@code <prefix>heads/}, both zero-padded so that the
 * store's ascending key order is the chain's order.
 *
 * <p>Each node that shares a store has a chain of its own, under {@code audit/nodes/<node>/}
 * (ADR 0018): its entries come from its own local log, one fsync at a time, and one chain written
 * by several nodes would need them to agree on every entry's predecessor. Before node ids, the
 * one callgate there was archived directly under {@code audit/} ({@link #SINGLE}); that layout is
 * still read, and written by an archive given no node.
 */
final class AuditKeys {

    static final String ROOT = "audit/";
    static final String NODES = ROOT + "nodes/";
    /** What a node id may be: one segment of an object key, as a host name is. */
    static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=+-]{0,62}");

    /** The layout of the single callgate before node ids: {@code audit/segments/}, {@code audit/heads/}. */
    static final AuditKeys SINGLE = new AuditKeys(ROOT, null);

    private final String prefix;
    private final String node;

    private AuditKeys(String prefix, String node) {
        this.prefix = prefix;
        this.node = node;
    }

    /**
     * The layout of node {@code node}'s chain: {@code audit/nodes/<node>/}.
     *
     * @throws IllegalArgumentException when {@code node} is not a valid node id ({@link #NODE_ID})
     */
    static AuditKeys node(String node) {
        if (node == null || !NODE_ID.matcher(node).matches()) {
            throw new IllegalArgumentException(
                    "a node id is 1 to 63 of A-Z a-z 0-9 . _ = + -, starting with a letter or digit: " + node);
        }
        return new AuditKeys(NODES + node + "/", node);
    }

    /** The node whose chain this is, null for the single-node layout. */
    String nodeId() {
        return node;
    }

    String segments() {
        return prefix + "segments/";
    }

    String heads() {
        return prefix + "heads/";
    }

    /** {@code <prefix>segments/000001.jsonl} for {@code segment-000001.jsonl}. */
    ObjectKey segment(Path segment) {
        return segment(Segments.number(segment));
    }

    ObjectKey segment(long number) {
        return ObjectKey.of(segments() + String.format(Locale.ROOT, "%06d.jsonl", number));
    }

    /** {@code <prefix>heads/000000000042.json} for the head at seq 42. */
    ObjectKey head(long seq) {
        return ObjectKey.of(heads() + String.format(Locale.ROOT, "%012d.json", seq));
    }

    /** The local file name of a sealed segment's key, or null when the key is not one. */
    String segmentName(ObjectKey key) {
        String value = key.value();
        if (!value.startsWith(segments()) || !value.endsWith(".jsonl")) {
            return null;
        }
        String digits = value.substring(segments().length(), value.length() - ".jsonl".length());
        return digits.matches("\\d{6,}") ? Segments.name(Long.parseLong(digits)) : null;
    }

    /** The node of a key under {@code audit/nodes/}, or null. */
    static String nodeOf(ObjectKey key) {
        String value = key.value();
        if (!value.startsWith(NODES)) {
            return null;
        }
        int slash = value.indexOf('/', NODES.length());
        return slash < 0 ? null : value.substring(NODES.length(), slash);
    }
}

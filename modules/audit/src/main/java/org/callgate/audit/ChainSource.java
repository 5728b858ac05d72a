package org.callgate.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.callgate.store.StoreException;

/**
 * Where the verifier reads a chain's segments from: this node's local log, or, for another
 * node's chain, its sealed copies in the store (ADR 0018), which are all of it this machine can
 * see. The verifier walks either the same way.
 */
interface ChainSource {

    /** The segments' numbers, oldest first. */
    List<Long> numbers() throws IOException, StoreException;

    Segments.Content read(long number) throws IOException, StoreException;

    /** What a break names: the local file's name, or the stored key. */
    String name(long number);

    /** The segments of the local log in {@code directory}. */
    static ChainSource local(Path directory) {
        return new ChainSource() {
            @Override
            public List<Long> numbers() throws IOException {
                return Segments.list(directory).stream().map(Segments::number).toList();
            }

            @Override
            public Segments.Content read(long number) throws IOException {
                return Segments.read(directory.resolve(Segments.name(number)));
            }

            @Override
            public String name(long number) {
                return Segments.name(number);
            }
        };
    }

    /** The sealed copies in the store, as {@code stored} found them. */
    static ChainSource stored(StoredAudit stored) {
        return new ChainSource() {
            @Override
            public List<Long> numbers() {
                return List.copyOf(stored.segmentNumbers());
            }

            @Override
            public Segments.Content read(long number) throws IOException, StoreException {
                return Segments.split(stored.segment(number).orElseThrow());
            }

            @Override
            public String name(long number) {
                return stored.segmentKey(number).map(key -> key.value()).orElse(Segments.name(number));
            }
        };
    }
}

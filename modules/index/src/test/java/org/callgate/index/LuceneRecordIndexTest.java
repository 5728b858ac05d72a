package org.callgate.index;

import java.nio.file.Path;
import org.callgate.core.dossier.RecordIndex;
import org.junit.jupiter.api.io.TempDir;

/** The index contract on Lucene in a local directory, the index one callgate node runs. */
class LuceneRecordIndexTest extends RecordIndexContract {

    @TempDir
    Path dir;

    @Override
    protected RecordIndex open(String name) {
        return LuceneRecordIndex.open(dir.resolve(name));
    }
}

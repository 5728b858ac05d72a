package org.callgate.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.callgate.core.dossier.CallTrace;
import org.callgate.store.TestProfiles;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    @Test
    void callIdsShouldNameEveryTraceOfABatchInOrderWithoutReadingTheRest() throws IOException {
        SyntheticData data = new SyntheticData(7, RecordsFixture.NOW, TestProfiles.DEFAULT);
        List<CallTrace> traces =
                LongStream.range(0, 50).mapToObj(j -> data.trace(j, 10)).toList();

        byte[] batch = RecordJson.traceLines(traces);

        assertThat(RecordJson.callIds(batch))
                .containsExactlyElementsOf(
                        traces.stream().map(CallTrace::callId).toList());
    }

    @Test
    void callIdsShouldRefuseALineWithoutCallId() {
        byte[] batch = "{\"service\":\"parcels\",\"barcodes\":[\"callId\"]}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RecordJson.callIds(batch)).isInstanceOf(IOException.class);
    }
}

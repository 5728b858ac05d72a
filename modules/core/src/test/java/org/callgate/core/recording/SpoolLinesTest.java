package org.callgate.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpoolLinesTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String last(byte[] entry) {
        return new String(SpoolLines.last(entry), StandardCharsets.UTF_8);
    }

    private static byte[] journal(String... states) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SpoolLines.first(bytes(states[0])));
        for (int i = 1; i < states.length; i++) {
            out.writeBytes(SpoolLines.next(bytes(states[i])));
        }
        return out.toByteArray();
    }

    @Test
    void theEntryIsItsLastState() {
        assertThat(last(journal("{\"s\":1}", "{\"s\":2}"))).isEqualTo("{\"s\":2}");
    }

    @Test
    void aStartedEntryIsItsOnlyLine() {
        assertThat(last(journal("{\"s\":1}"))).isEqualTo("{\"s\":1}");
    }

    @Test
    void aLineCutShortByACrashIsIgnored() {
        byte[] whole = journal("{\"s\":1}", "{\"s\":2}");
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);

        assertThat(last(cut)).isEqualTo("{\"s\":1}");
    }

    @Test
    void aCutLineWithAStateAppendedAfterItStaysApart() {
        byte[] cut = Arrays.copyOf(journal("{\"s\":1}", "{\"s\":2}"), 12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(cut);
        out.writeBytes(SpoolLines.next(bytes("{\"s\":3}")));

        assertThat(last(out.toByteArray())).isEqualTo("{\"s\":3}");
    }

    @Test
    void anEntryOfAnEarlierVersionWithoutNewlineIsReadWhole() {
        assertThat(last(bytes("{\"s\":1}"))).isEqualTo("{\"s\":1}");
    }

    @Test
    void anEmptyEntryHasNothingToRead() {
        assertThat(SpoolLines.last(new byte[0])).isEmpty();
        assertThat(SpoolLines.last(bytes("\n\n"))).isEmpty();
    }
}

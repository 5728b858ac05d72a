package org.callgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {

    /** FIPS 180-2 appendix B.1: SHA-256("abc"). */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void bytesAndAFileWithTheSameContentHaveTheSameSizeAndDigest() throws Exception {
        Path file = Files.write(dir.resolve("abc"), ABC);

        assertThat(Digests.sha256Hex(ABC)).isEqualTo(ABC_SHA256);
        assertThat(Digests.sized(ABC)).isEqualTo(new Digests.Sized(3, ABC_SHA256));
        assertThat(Digests.sha256(file)).isEqualTo(new Digests.Sized(3, ABC_SHA256));
    }

    @Test
    void aStreamedDigestEqualsTheOneOfTheWholeBytes() {
        var sha = Digests.sha256();
        sha.update(ABC, 0, 1);
        sha.update(ABC, 1, 2);
        assertThat(Digests.hex(sha)).isEqualTo(ABC_SHA256);
    }

    @Test
    void md5IsTheOneS3ChecksAsContentMd5() {
        // RFC 1321 appendix A.5: MD5("abc") = 900150983cd24fb0d6963f7d28e17f72
        assertThat(Base64.getEncoder().encodeToString(Digests.md5().digest(ABC)))
                .isEqualTo("kAFQmDzST7DWlj99KOF/cg==");
    }
}

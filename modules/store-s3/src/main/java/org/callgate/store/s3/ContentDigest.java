package org.callgate.store.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.callgate.store.Digests;
import org.callgate.store.ObjectKey;
import org.callgate.store.StoreException;

/**
 * Size and digests of what is about to be uploaded, from one pass over the bytes: the SHA-256
 * the store keeps as user metadata (and callers verify), and the MD5 sent as {@code Content-MD5}
 * so the server refuses a body that is not what was digested (AWS also requires it, or a newer
 * checksum RGW does not understand, on a put with Object Lock headers).
 */
record ContentDigest(long size, String sha256Hex, String md5Base64) {

    private static final int BUFFER = 64 * 1024;

    static ContentDigest of(byte[] bytes) {
        Running digests = new Running();
        digests.update(bytes, bytes.length);
        return digests.finish(bytes.length);
    }

    /** The digests of {@code file}, about to be stored as {@code key}. */
    static ContentDigest of(Path file, ObjectKey key) throws StoreException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + " to store it as " + key + ": " + e.getMessage(), e);
        }
    }

    static ContentDigest of(InputStream in) throws IOException {
        Running digests = new Running();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digests.update(buffer, n);
            size += n;
        }
        return digests.finish(size);
    }

    private static final class Running {
        private final MessageDigest sha256 = Digests.sha256();
        private final MessageDigest md5 = Digests.md5();

        void update(byte[] bytes, int length) {
            sha256.update(bytes, 0, length);
            md5.update(bytes, 0, length);
        }

        ContentDigest finish(long size) {
            return new ContentDigest(
                    size, Digests.hex(sha256), Base64.getEncoder().encodeToString(md5.digest()));
        }
    }
}

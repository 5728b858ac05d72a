package org.callgate.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digests every object in the store is checked by: SHA-256 as lower-case hex, the form of
 * {@link ObjectInfo#sha256()}, so that what a store reports and what a writer computed compare as
 * strings; MD5 only for S3's {@code Content-MD5}. Java guarantees both algorithms, so their
 * absence is a broken platform, not a checked failure.
 */
public final class Digests {

    private Digests() {}

    /** A new SHA-256 digest, to feed while streaming. */
    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    /** A new MD5 digest (S3 {@code Content-MD5}, RFC 1864). */
    public static MessageDigest md5() {
        return digest("MD5");
    }

    /** Finishes {@code digest} and returns it as lower-case hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The size and SHA-256 of a file, read once. */
    public static Sized sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new Sized(size, hex(sha));
        }
    }

    /** The SHA-256 of {@code bytes} with their size. */
    public static Sized sized(byte[] bytes) {
        return new Sized(bytes.length, sha256Hex(bytes));
    }

    /**
     * Content as a writer knows it, to compare with an {@link ObjectInfo}.
     *
     * @param size bytes
     * @param sha256 lower-case hex
     */
    public record Sized(long size, String sha256) {}

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}

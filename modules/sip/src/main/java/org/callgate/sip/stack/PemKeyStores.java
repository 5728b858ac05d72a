package org.callgate.sip.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * callgate's key and trust material for SIP over TLS, read from PEM files as operators have them
 * (the certificate chain, a PKCS#8 private key, optionally the CAs to trust), and handed to the
 * JAIN-SIP RI the only way its TLS transport takes them: PKCS#12 key stores on disk. They are
 * written to a directory only the process's user can read, under a random password, and deleted
 * when the JVM exits.
 */
final class PemKeyStores {

    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private PemKeyStores() {}

    /** Writes the stores and sets the RI's {@code javax.net.ssl.*} stack properties to them. */
    static void configure(Properties stack, Path certificate, Path key, Path trust)
            throws IOException, GeneralSecurityException {
        Path dir = Files.createTempDirectory(
                "callgate-sip-tls", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        dir.toFile().deleteOnExit();
        char[] password = HexFormat.of()
                .formatHex(SecureRandom.getInstanceStrong().generateSeed(16))
                .toCharArray();
        KeyStore keys = empty();
        keys.setKeyEntry(
                "callgate", privateKey(key), password, certificates(certificate).toArray(Certificate[]::new));
        Path keyStore = store(keys, dir.resolve("keys.p12"), password);
        stack.setProperty("javax.net.ssl.keyStore", keyStore.toString());
        stack.setProperty("javax.net.ssl.keyStorePassword", new String(password));
        stack.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        KeyStore trusted = empty();
        int i = 0;
        for (Certificate cert : certificates(trust != null ? trust : certificate)) {
            trusted.setCertificateEntry("trusted-" + i++, cert);
        }
        Path trustStore = store(trusted, dir.resolve("trust.p12"), password);
        stack.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        stack.setProperty("javax.net.ssl.trustStorePassword", new String(password));
        stack.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static KeyStore empty() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path store(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    static Collection<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> chain =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (chain.isEmpty()) {
                throw new GeneralSecurityException(pem + ": no certificate");
            }
            return chain;
        }
    }

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf("-----END PRIVATE KEY-----");
        if (from < 0 || to < from) {
            throw new GeneralSecurityException(pem + ": not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(pem + ": unsupported private key algorithm");
    }
}

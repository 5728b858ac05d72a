package org.callgate.store.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how the S3 store keeps its objects: one bucket, in one region, reached at AWS or at
 * an S3-compatible endpoint (Ceph RGW in the tests).
 *
 * <p>The region is {@value #DEFAULT_REGION} unless configured otherwise: recordings and dossiers
 * are personal data that must stay in the EU (R21), so a deployment that forgets the region still
 * lands there. Without keys the AWS SDK's default provider chain is used (environment, profile,
 * instance role), which keeps secrets out of the configuration file. With a KMS key id every put
 * is encrypted with SSE-KMS under that key; SSE-S3 is not offered because Ceph RGW accepts it and
 * then stores the object in plaintext.
 *
 * @param endpoint the S3 endpoint, or empty for AWS itself
 * @param region the signing region and the region new buckets are created in
 * @param bucket the bucket name (S3 rules: 3-63 of {@code [a-z0-9.-]})
 * @param pathStyleAccess whether the bucket goes in the path ({@code http://host/bucket/key}), as
 *     RGW and most S3-compatible servers on a bare address need, instead of the host name
 * @param accessKey the access key id, or empty for the default provider chain
 * @param secretKey the secret key, present exactly when {@code accessKey} is; never printed
 * @param kmsKeyId the SSE-KMS key id every put uses, or empty for no server-side encryption
 */
public record S3Settings(
        Optional<URI> endpoint,
        String region,
        String bucket,
        boolean pathStyleAccess,
        Optional<String> accessKey,
        Optional<String> secretKey,
        Optional<String> kmsKeyId) {

    /** Ireland, the EU region the seeds name (R21). */
    public static final String DEFAULT_REGION = "eu-west-1";

    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        endpoint.ifPresent(S3Settings::checkEndpoint);
        checkRegion(region);
        checkBucket(bucket);
        checkKeys(accessKey, secretKey);
        kmsKeyId.ifPresent(id -> require(!id.isBlank(), "a KMS key id is not blank"));
    }

    /** {@code bucket} at AWS in {@value #DEFAULT_REGION}, keys from the default chain, no encryption. */
    public static S3Settings forBucket(String bucket) {
        return new S3Settings(
                Optional.empty(), DEFAULT_REGION, bucket, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These settings at an S3-compatible {@code endpoint}, with path-style access or not. */
    public S3Settings withEndpoint(URI newEndpoint, boolean pathStyle) {
        return new S3Settings(Optional.of(newEndpoint), region, bucket, pathStyle, accessKey, secretKey, kmsKeyId);
    }

    public S3Settings withRegion(String newRegion) {
        return new S3Settings(endpoint, newRegion, bucket, pathStyleAccess, accessKey, secretKey, kmsKeyId);
    }

    public S3Settings withBucket(String newBucket) {
        return new S3Settings(endpoint, region, newBucket, pathStyleAccess, accessKey, secretKey, kmsKeyId);
    }

    /** These settings with static keys instead of the default provider chain. */
    public S3Settings withCredentials(String newAccessKey, String newSecretKey) {
        return new S3Settings(
                endpoint,
                region,
                bucket,
                pathStyleAccess,
                Optional.of(newAccessKey),
                Optional.of(newSecretKey),
                kmsKeyId);
    }

    /** These settings with every put encrypted by SSE-KMS under {@code keyId}. */
    public S3Settings withKmsKey(String keyId) {
        return new S3Settings(endpoint, region, bucket, pathStyleAccess, accessKey, secretKey, Optional.of(keyId));
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("AWS") + ", region=" + region
                + ", bucket=" + bucket + ", pathStyleAccess=" + pathStyleAccess
                + ", accessKey=" + accessKey.orElse("(default chain)")
                + ", secretKey=" + secretKey.map(s -> "(hidden)").orElse("(default chain)")
                + ", kmsKeyId=" + kmsKeyId.orElse("(none)") + "]";
    }

    private static void checkEndpoint(URI uri) {
        String scheme = uri.getScheme();
        require(
                uri.isAbsolute() && ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null,
                "an endpoint is an http or https URI with a host: " + uri);
        require(uri.getQuery() == null && uri.getFragment() == null, "an endpoint has no query or fragment: " + uri);
    }

    private static void checkRegion(String region) {
        Objects.requireNonNull(region, "region");
        require(REGION.matcher(region).matches(), "a region is lower-case letters, digits and '-': '" + region + "'");
    }

    private static void checkBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        require(
                BUCKET.matcher(bucket).matches()
                        && !bucket.contains("..")
                        && !IP_ADDRESS.matcher(bucket).matches(),
                "a bucket name is 3 to 63 of [a-z0-9.-], starting and ending with a letter or digit: '" + bucket + "'");
    }

    private static void checkKeys(Optional<String> accessKey, Optional<String> secretKey) {
        require(
                accessKey.isPresent() == secretKey.isPresent(),
                "an access key and a secret key go together (or neither, for the default provider chain)");
        accessKey.ifPresent(k -> require(!k.isBlank(), "an access key is not blank"));
        secretKey.ifPresent(k -> require(!k.isBlank(), "a secret key is not blank"));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

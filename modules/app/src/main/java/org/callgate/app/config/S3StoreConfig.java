package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.Optional;
import org.callgate.store.s3.S3Settings;

/**
 * The {@code store.s3:} section, used when {@code store.type} is {@code s3}: a bucket with
 * Object Lock at AWS or at an S3-compatible endpoint (Ceph RGW). The region defaults to
 * {@value S3Settings#DEFAULT_REGION} (R21: EU by default). Without keys the AWS SDK's default
 * chain supplies them (environment, profile, instance role), which keeps secrets out of the file.
 *
 * @param endpoint the endpoint URL, or null for AWS
 * @param region the bucket's region
 * @param bucket the bucket name
 * @param pathStyle whether the bucket goes in the URL's path (RGW, MinIO) rather than the host
 * @param accessKey the access key id, or null
 * @param secretKey the secret key, or null; never printed
 * @param kmsKeyId the SSE-KMS key every object is encrypted with, or null for none
 */
public record S3StoreConfig(
        String endpoint,
        String region,
        String bucket,
        boolean pathStyle,
        String accessKey,
        String secretKey,
        String kmsKeyId) {

    public static S3StoreConfig defaults() {
        return new S3StoreConfig(null, S3Settings.DEFAULT_REGION, "callgate", false, null, null, null);
    }

    @JsonCreator
    static S3StoreConfig fromYaml(
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("region") String region,
            @JsonProperty("bucket") String bucket,
            @JsonProperty("path-style") Boolean pathStyle,
            @JsonProperty("access-key") String accessKey,
            @JsonProperty("secret-key") String secretKey,
            @JsonProperty("kms-key-id") String kmsKeyId) {
        S3StoreConfig d = defaults();
        return new S3StoreConfig(
                endpoint,
                region == null ? d.region() : region,
                bucket == null ? d.bucket() : bucket,
                pathStyle != null && pathStyle,
                accessKey,
                secretKey,
                kmsKeyId);
    }

    /**
     * The store's settings.
     *
     * @throws IllegalArgumentException naming what is wrong (bucket name, region, endpoint, keys)
     */
    public S3Settings toSettings() {
        return new S3Settings(
                Optional.ofNullable(endpoint).map(URI::create),
                region,
                bucket,
                pathStyle,
                Optional.ofNullable(accessKey),
                Optional.ofNullable(secretKey),
                Optional.ofNullable(kmsKeyId));
    }

    /** Never shows the secret key: configurations end up in logs and error reports. */
    @Override
    public String toString() {
        return "S3StoreConfig[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle="
                + pathStyle + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? "null" : "(hidden)")
                + ", kmsKeyId=" + kmsKeyId + "]";
    }
}

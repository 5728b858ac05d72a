package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code store:} section: where recordings and their metadata are kept, and for how long.
 * The embedded file store is the default; the store enforces each object's retention itself, like
 * S3 Object Lock (R7, R8, R19). Recordings wait in the spool directory until the store has them.
 *
 * @param type {@code file} or {@code s3}
 * @param path the file store's root directory (a relative path is relative to the current directory)
 * @param spool where recordings are written during the call and wait until stored
 * @param retentionProfile {@code default} (seed 003: recordings 6 months, banking 10 years) or
 *     {@code quality-control} (seed 004, R14: recordings 1 month)
 * @param sync how the spool and the file store make a recording durable before it moves on:
 *     {@code syncfs} (one sync of the file system shared by the recordings that end together,
 *     ADR 0016; an fsync of each file where Linux's syncfs(2) is not available) or {@code fsync}
 *     (an fsync of each file and directory)
 * @param s3 the bucket, when {@code type} is {@code s3}
 */
public record StoreConfig(String type, Path path, Path spool, String retentionProfile, String sync, S3StoreConfig s3) {

    public static final String FILE = "file";
    public static final String S3 = "s3";
    public static final String SYNCFS = "syncfs";
    public static final String FSYNC = "fsync";

    public StoreConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(retentionProfile, "retentionProfile");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(s3, "s3");
    }

    /** A file store under {@code var/}, the default retention profile. */
    public static StoreConfig defaults() {
        return new StoreConfig(
                FILE, Path.of("var/store"), Path.of("var/spool"), "default", SYNCFS, S3StoreConfig.defaults());
    }

    /** Binds the YAML keys; a key left out (or {@code null}) takes its default. */
    @JsonCreator
    static StoreConfig fromYaml(
            @JsonProperty("type") String type,
            @JsonProperty("path") String path,
            @JsonProperty("spool") String spool,
            @JsonProperty("retention-profile") String retentionProfile,
            @JsonProperty("sync") String sync,
            @JsonProperty("s3") S3StoreConfig s3) {
        StoreConfig d = defaults();
        return new StoreConfig(
                Objects.requireNonNullElse(type, d.type()),
                path == null ? d.path() : Path.of(path),
                spool == null ? d.spool() : Path.of(spool),
                Objects.requireNonNullElse(retentionProfile, d.retentionProfile()),
                Objects.requireNonNullElse(sync, d.sync()),
                Objects.requireNonNullElse(s3, d.s3()));
    }
}

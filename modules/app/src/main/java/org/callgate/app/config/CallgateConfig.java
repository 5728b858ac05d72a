package org.callgate.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.callgate.core.ServiceDirectory;
import org.callgate.store.RetentionProfile;

/**
 * The whole of {@code callgate.yaml}, immutable and typed.
 *
 * <p>Defaults live in one place: the {@code defaults()} factory of each section record. A section
 * or key the file leaves out takes that default, so a file only needs what differs; the shipped
 * {@code config/callgate.yaml} spells every default out and a test keeps the two equal. Get
 * instances from {@link ConfigLoader}, which also validates them.
 *
 * @param sip the {@code sip:} section
 * @param media the {@code media:} section
 * @param calls the {@code calls:} section
 * @param serviceLines the {@code service-lines:} list, in file order (R5)
 * @param promptsDir the {@code prompts-dir:} key: where the IVR prompts are, as written (a
 *     relative path is relative to the current directory)
 * @param sms the {@code sms:} section: how SMS links reach mobile callers (R9)
 * @param outbound the {@code outbound:} section: the trunk for callbacks and who may place them (R5)
 * @param recording the {@code recording:} section: which calls are recorded (R7, R8, objections)
 * @param store the {@code store:} section: where recordings go and for how long (R7, R8, R14)
 * @param index the {@code index:} section: the Lucene index of dossiers, traces and recordings
 * @param purge the {@code purge:} section: when the daily purge runs
 * @param retentionDir the {@code retention-dir:} key: where the retention profiles are ({@code
 *     <name>.yaml}, {@link RetentionFiles}); a relative path is relative to the current directory
 * @param web the {@code web:} section: the HTTP server of the API, health and metrics
 * @param nodeId the {@code node-id:} key: this callgate's name among the nodes that share one store
 *     (ADR 0018), naming its audit chain there; null when the file leaves it out, for the host name
 *     ({@code NodeIds} in the app derives it)
 */
public record CallgateConfig(
        SipConfig sip,
        MediaConfig media,
        CallsConfig calls,
        List<ServiceLineConfig> serviceLines,
        Path promptsDir,
        SmsConfig sms,
        OutboundConfig outbound,
        RecordingConfig recording,
        StoreConfig store,
        IndexConfig index,
        PurgeConfig purge,
        Path retentionDir,
        WebConfig web,
        String nodeId) {

    /** Relative to the current directory; {@code scripts/callgate} runs from the repository root. */
    static final Path DEFAULT_PROMPTS_DIR = Path.of("config/prompts");
    /** Relative to the current directory, as {@link #DEFAULT_PROMPTS_DIR}. */
    static final Path DEFAULT_RETENTION_DIR = Path.of("config/retention");

    public CallgateConfig {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(calls, "calls");
        serviceLines = List.copyOf(serviceLines);
        Objects.requireNonNull(promptsDir, "promptsDir");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(purge, "purge");
        Objects.requireNonNull(retentionDir, "retentionDir");
        Objects.requireNonNull(web, "web");
    }

    /** A configuration without a node id: the host name names the node. */
    public CallgateConfig(
            SipConfig sip,
            MediaConfig media,
            CallsConfig calls,
            List<ServiceLineConfig> serviceLines,
            Path promptsDir,
            SmsConfig sms,
            OutboundConfig outbound,
            RecordingConfig recording,
            StoreConfig store,
            IndexConfig index,
            PurgeConfig purge,
            Path retentionDir,
            WebConfig web) {
        this(
                sip,
                media,
                calls,
                serviceLines,
                promptsDir,
                sms,
                outbound,
                recording,
                store,
                index,
                purge,
                retentionDir,
                web,
                null);
    }

    /** Every documented default: the configuration of {@code callgate demo}. */
    public static CallgateConfig defaults() {
        return new CallgateConfig(
                SipConfig.defaults(),
                MediaConfig.defaults(),
                CallsConfig.defaults(),
                ServiceLineConfig.defaults(),
                DEFAULT_PROMPTS_DIR,
                SmsConfig.defaults(),
                OutboundConfig.defaults(),
                RecordingConfig.defaults(),
                StoreConfig.defaults(),
                IndexConfig.defaults(),
                PurgeConfig.defaults(),
                DEFAULT_RETENTION_DIR,
                WebConfig.defaults(),
                null);
    }

    /** Binds the top-level YAML keys; a section left out (or {@code null}) takes its defaults. */
    @JsonCreator
    static CallgateConfig fromYaml(
            @JsonProperty("sip") SipConfig sip,
            @JsonProperty("media") MediaConfig media,
            @JsonProperty("calls") CallsConfig calls,
            @JsonProperty("service-lines") List<ServiceLineConfig> serviceLines,
            @JsonProperty("prompts-dir") String promptsDir,
            @JsonProperty("sms") SmsConfig sms,
            @JsonProperty("outbound") OutboundConfig outbound,
            @JsonProperty("recording") RecordingConfig recording,
            @JsonProperty("store") StoreConfig store,
            @JsonProperty("index") IndexConfig index,
            @JsonProperty("purge") PurgeConfig purge,
            @JsonProperty("retention-dir") String retentionDir,
            @JsonProperty("web") WebConfig web,
            @JsonProperty("node-id") String nodeId) {
        return new CallgateConfig(
                Objects.requireNonNullElseGet(sip, SipConfig::defaults),
                Objects.requireNonNullElseGet(media, MediaConfig::defaults),
                Objects.requireNonNullElseGet(calls, CallsConfig::defaults),
                Objects.requireNonNullElseGet(serviceLines, ServiceLineConfig::defaults),
                promptsDir == null ? DEFAULT_PROMPTS_DIR : Path.of(promptsDir),
                Objects.requireNonNullElseGet(sms, SmsConfig::defaults),
                Objects.requireNonNullElseGet(outbound, OutboundConfig::defaults),
                Objects.requireNonNullElseGet(recording, RecordingConfig::defaults),
                Objects.requireNonNullElseGet(store, StoreConfig::defaults),
                Objects.requireNonNullElseGet(index, IndexConfig::defaults),
                Objects.requireNonNullElseGet(purge, PurgeConfig::defaults),
                retentionDir == null ? DEFAULT_RETENTION_DIR : Path.of(retentionDir),
                Objects.requireNonNullElseGet(web, WebConfig::defaults),
                nodeId);
    }

    /**
     * The retention profile {@code store.retention-profile} names, read from {@link #retentionDir()}.
     *
     * @throws ConfigException naming the profile file, key, value and reason when it is not usable
     */
    public RetentionProfile retentionProfile() throws ConfigException {
        return RetentionFiles.load(retentionDir, store.retentionProfile());
    }

    /** The service lines in scope (R5), looked up by dialled number, each with its IVR plan. */
    public ServiceDirectory directory() {
        return new ServiceDirectory(
                serviceLines.stream().map(ServiceLineConfig::toServiceLine).toList());
    }
}

package org.callgate.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.callgate.app.config.CallgateConfig;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditArchive;
import org.callgate.audit.AuditLog;
import org.callgate.audit.AuditScheduler;
import org.callgate.core.dossier.RecordIndex;
import org.callgate.records.HeldRecords;
import org.callgate.records.LegalHold;
import org.callgate.records.LegalHolds;
import org.callgate.records.Restrictions;
import org.callgate.records.RightsRequests;
import org.callgate.records.SharedRegisters;
import org.callgate.retention.Erasure;
import org.callgate.retention.Purge;
import org.callgate.retention.PurgeReport;
import org.callgate.retention.PurgeSchedule;
import org.callgate.retention.Rectification;
import org.callgate.retention.SubjectExport;
import org.callgate.store.RecordingStore;
import org.callgate.store.RetentionProfile;
import org.callgate.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps callgate's records lawful, as configured: the audit log (R11) with its archive to the
 * store, the register of legal holds (R19), and the purge with its daily schedule (R1-R16). The
 * gateway and the offline commands ({@code purge}, {@code hold}) open it the same way, so a hold
 * placed by either is in the same register and an audit entry in the same chain.
 *
 * <p>With several nodes on one store (ADR 0018) each node has its own audit chain, archived under
 * its node id ({@link NodeIds}), and the registers of holds, requests and restrictions are shared:
 * a change made through any node is rung to the others ({@link SharedRegisters}), which follow on
 * their own thread.
 */
final class Governance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Governance.class);
    /** How often the audit log's sealed segments and chain head go to the store. */
    static final Duration ARCHIVE_EVERY = Duration.ofHours(1);

    private final CallgateConfig config;
    private final RecordingStore store;
    private final RetentionProfile profile;
    private final Clock clock;
    private final AuditLog audit;
    private final AuditArchive archive;
    private final LegalHolds holds;
    private final RequestDesk requests;
    private final RightsRequests register;
    private final Restrictions restrictions;
    private final SharedRegisters registers;
    private final LongAdder purgedSinceStart = new LongAdder();
    private final LongAdder keptSinceStart = new LongAdder();
    private final ScheduledExecutorService schedules = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("callgate-governance").daemon().factory());
    /** Its own thread: a purge that runs for minutes on the governance thread must not hold up following. */
    private final ScheduledExecutorService following = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("callgate-registers").daemon().factory());

    private Governance(
            CallgateConfig config,
            RecordingStore store,
            RetentionProfile profile,
            Clock clock,
            AuditLog audit,
            String node,
            SharedRegisters registers) {
        this.config = config;
        this.store = store;
        this.profile = profile;
        this.clock = clock;
        this.audit = audit;
        this.archive = new AuditArchive(audit, store, profile.longest().keep(), clock, node);
        this.registers = registers;
        this.holds = registers.holds();
        this.requests = new RequestDesk(registers.requests(), audit, clock);
        this.register = registers.requests();
        this.restrictions = registers.restrictions();
    }

    /**
     * Opens the audit log and the hold register, and records the configuration load in the log.
     *
     * @throws StartupException when the audit directory or the store cannot be used
     */
    static Governance open(CallgateConfig config, RecordingStore store, RetentionProfile profile, Clock clock)
            throws StartupException {
        Path dir = AuditCommand.directory(config.store());
        AuditLog audit;
        try {
            audit = AuditLog.open(AuditLog.Settings.in(dir), clock);
        } catch (IOException e) {
            throw new StartupException("cannot open the audit log " + dir + ": " + e.getMessage(), e);
        }
        String node = NodeIds.of(config);
        try {
            SharedRegisters registers = SharedRegisters.open(store, profile, clock, node);
            audit.append(AuditActions.CONFIG_LOAD, "callgate", configDetails(profile, registers.holds(), node));
            return new Governance(config, store, profile, clock, audit, node, registers);
        } catch (IOException | StoreException | RuntimeException e) {
            closeQuietly(audit);
            throw new StartupException("cannot read the legal holds and requests from the store: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> configDetails(RetentionProfile profile, LegalHolds holds, String node) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", node);
        details.put("retentionProfile", profile.name());
        details.put("classes", AppliedProfile.lines(profile));
        details.put("activeHolds", holds.list(false).size());
        return details;
    }

    /** Data-subject requests (R12, R20, R22), each step audited. */
    RequestDesk requests() {
        return requests;
    }

    /**
     * Data-subject requests that can also be carried out on {@code records}: erased, restricted,
     * rectified, exported (R12), the SMS outbox included.
     */
    RequestDesk requests(Records records) {
        Path outbox = config.sms().outbox();
        RecordIndex index = records.index();
        return new RequestDesk(
                register,
                audit,
                clock,
                new Erasure(store, index, profile, holds, restrictions, outbox, clock),
                new SubjectExport(store, index, outbox, clock),
                new Rectification(records.dossiers(), store, profile, holds, clock));
    }

    /** The records whose processing is restricted (R12). */
    Restrictions restrictions() {
        return restrictions;
    }

    LegalHolds holds() {
        return holds;
    }

    AuditLog audit() {
        return audit;
    }

    /**
     * Finishes the holds a crash left half placed or half released, before anything is purged or
     * written (R19).
     *
     * @throws StartupException when the store cannot be read or written
     */
    void resumeHolds(RecordIndex index) throws StartupException {
        try {
            int finished = new HeldRecords(store, index, holds).resume();
            if (finished > 0) {
                LOG.info("legal holds: {} placed or released before a stop finished now", finished);
            }
        } catch (IOException | StoreException | RuntimeException e) {
            throw new StartupException("cannot finish the legal holds a stop left half done: " + e.getMessage(), e);
        }
    }

    /** The purge over {@code index}, reporting each run to the audit log. */
    Purge purge(RecordIndex index) throws IOException {
        return new Purge(
                store,
                index,
                profile,
                holds,
                purgeJournal(config),
                clock,
                LocalPurges.of(config, profile),
                this::audited);
    }

    /** The place of a purge run's plan and progress: beside the index. */
    static Path purgeJournal(CallgateConfig config) {
        Path index = config.index().directory(config.store()).toAbsolutePath().normalize();
        return index.resolveSibling("purge-journal");
    }

    /**
     * The daily purge and the hourly audit archive, in the gateway; and following the registers, so
     * that a hold, objection or restriction recorded through another node sharing the store applies
     * here within a second (R12, R19, ADR 0018).
     */
    void startSchedules(Purge purge) {
        new PurgeSchedule(
                        schedules, clock, config.purge().time(), config.purge().zoneId(), purge)
                .start();
        AuditScheduler.schedule(archive, schedules, ARCHIVE_EVERY);
        followOtherNodes();
    }

    /** Follows the registers' changes made through other nodes, on its own thread, until {@link #close()}. */
    void followOtherNodes() {
        registers.followOn(following, SharedRegisters.LISTEN_EVERY);
    }

    /** Places a hold and records it in the audit log. */
    HeldRecords.Outcome place(
            HeldRecords held, LegalHold.Scope scope, String value, String caseId, String reason, String actor)
            throws StoreException, IOException {
        HeldRecords.Outcome outcome = held.place(scope, value, caseId, reason, actor);
        audit.append(AuditActions.HOLD_PLACE, actor, holdDetails(outcome));
        return outcome;
    }

    /** Releases a hold and records it in the audit log. */
    HeldRecords.Outcome release(HeldRecords held, String id, String actor) throws StoreException, IOException {
        HeldRecords.Outcome outcome = held.release(id, actor);
        audit.append(AuditActions.HOLD_RELEASE, actor, holdDetails(outcome));
        return outcome;
    }

    /**
     * No personal data: a caller's number is left out (a hash would not hide it, docs/audit.md); the
     * hold id leads to it in the register. The case and reason are the operator's words.
     */
    private static Map<String, Object> holdDetails(HeldRecords.Outcome outcome) {
        LegalHold hold = outcome.hold();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hold", hold.id());
        details.put("scope", hold.scope().name().toLowerCase(Locale.ROOT));
        if (hold.scope() != LegalHold.Scope.CALLER) {
            details.put("value", hold.value());
        }
        details.put("case", hold.caseId());
        details.put("reason", hold.reason());
        details.put("records", outcome.records());
        details.put("objects", outcome.objects());
        return details;
    }

    /** Records purged since start-up, by every run of this process (the {@code /metrics} counter). */
    long purgedSinceStart() {
        return purgedSinceStart.sum();
    }

    /** Records a purge kept although due (locked, held, unknown) since start-up, counted per run. */
    long keptSinceStart() {
        return keptSinceStart.sum();
    }

    private void audited(PurgeReport report) {
        if (!report.dryRun()) {
            purgedSinceStart.add(report.purgedTotal());
            keptSinceStart.add(report.keptTotal());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", report.run());
        details.put("at", report.at().toString());
        details.put("purged", report.purged());
        details.put("kept", report.kept());
        details.put(
                "local",
                report.local().stream()
                        .map(o -> Map.of("what", o.what(), "removed", o.removed(), "kept", o.kept()))
                        .toList());
        details.put("idsSha256", report.idsSha256());
        try {
            audit.append(AuditActions.PURGE, "callgate", details);
        } catch (IOException e) {
            LOG.error("purge {}: its audit entry could not be written: {}", report.run(), e.toString(), e);
        }
    }

    /** Stops the schedules, stores what the audit log has sealed, and closes it. */
    @Override
    public void close() {
        following.shutdownNow();
        schedules.shutdownNow();
        try {
            schedules.awaitTermination(5, TimeUnit.SECONDS);
            archive.sealAndUpload();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | StoreException | RuntimeException e) {
            LOG.warn("audit log: archive at close failed, the next start stores it: {}", e.toString());
        }
        closeQuietly(audit);
    }

    private static void closeQuietly(AuditLog audit) {
        try {
            audit.close();
        } catch (IOException e) {
            LOG.warn("audit log: close failed: {}", e.toString());
        }
    }
}

package org.callgate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.callgate.audit.AuditActions;
import org.callgate.audit.AuditLog;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.Account;
import org.callgate.core.access.Accounts;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Authentication;
import org.callgate.core.access.Capability;
import org.callgate.core.access.DossierLookup;
import org.callgate.core.access.OpenedDossier;
import org.callgate.core.access.RecordingAccess;
import org.callgate.core.access.RecordingAudio;
import org.callgate.core.access.RecordingFilter;
import org.callgate.core.access.RecordingSummary;
import org.callgate.core.dossier.RecordKind;
import org.callgate.core.dossier.SearchHit;
import org.callgate.core.dossier.SearchPage;
import org.callgate.core.dossier.SearchQuery;
import org.callgate.recording.RecordingKeys;
import org.callgate.records.Dossiers;
import org.callgate.store.ByteRange;
import org.callgate.store.ObjectInfo;
import org.callgate.store.ObjectKey;
import org.callgate.store.ObjectNotFoundException;
import org.callgate.store.RecordingStore;
import org.callgate.store.StoreException;
import org.callgate.users.LoginThrottle;
import org.callgate.users.Role;
import org.callgate.users.User;
import org.callgate.users.UserStore;

/**
 * The web API's view of callgate: the core access SPIs over the user file and its login throttle,
 * the audit log and the dossiers.
 */
final class WebAccess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebAccess() {}

    /** Logins against the user file, throttled per name and per address (docs/security.md). */
    static Accounts accounts(UserStore users, LoginThrottle throttle) {
        return (name, password, address) -> {
            Optional<java.time.Duration> locked = throttle.lockedFor(name, address);
            if (locked.isPresent()) {
                return new Authentication.Throttled(locked.get());
            }
            Optional<User> user = users.authenticate(name, password);
            if (user.isEmpty()) {
                throttle.recordFailure(name, address);
                return new Authentication.Refused();
            }
            throttle.recordSuccess(name);
            return new Authentication.Granted(account(user.get()));
        };
    }

    /** The users module's capabilities, named alike in core; {@code Role} stays the one table. */
    static Account account(User user) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Role role : user.roles()) {
            capabilities.addAll(role.capabilities());
        }
        Set<String> roles = user.roles().stream().map(Role::label).collect(Collectors.toSet());
        return new Account(user.name(), roles, capabilities, user.services());
    }

    /** Appends to the audit log; a dossier number or a call id goes in hashed ({@link AuditActions#hashedId}). */
    static AuditTrail auditTrail(AuditLog log) {
        return (action, actor, details) -> {
            Map<String, Object> entry = new LinkedHashMap<>(details);
            entry.computeIfPresent(AuditTrail.DOSSIER, (key, number) -> AuditActions.hashedId((String) number));
            entry.computeIfPresent(AuditTrail.CALL, (key, callId) -> AuditActions.hashedId((String) callId));
            log.append(action, actor, entry);
        };
    }

    static DossierLookup dossiers(Dossiers dossiers) {
        return new DossierLookup() {
            @Override
            public SearchPage search(SearchQuery query) {
                return dossiers.search(query);
            }

            @Override
            public Optional<OpenedDossier> open(String number) throws IOException {
                try {
                    return dossiers.open(number).map(view -> new OpenedDossier(view.dossier(), view.history()));
                } catch (StoreException e) {
                    throw new IOException("cannot read dossier from the store: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * Recordings from the index ({@link RecordKind#RECORDING} hits), their duration from the
     * metadata beside the audio in the store, banking or not by the configured banking services, the
     * audio from the store by {@link RecordingKeys}.
     */
    static RecordingAccess recordings(
            Function<SearchQuery, SearchPage> index, RecordingStore store, Set<String> bankingServices) {
        Set<String> banking = Set.copyOf(bankingServices);
        return new RecordingAccess() {
            @Override
            public List<RecordingSummary> find(RecordingFilter filter) throws IOException {
                SearchQuery query = SearchQuery.all()
                        .only(RecordKind.RECORDING)
                        .withService(filter.service())
                        .withDossier(filter.dossier())
                        .between(filter.from(), filter.to())
                        .page(0, filter.limit());
                if (filter.number() != null) {
                    query = query.withPhone(PhoneNumber.parse(filter.number()));
                }
                return summaries(index.apply(query).hits());
            }

            /**
             * The hits' summaries in their order, each duration read from the store on a thread of
             * its own: a page of 200 recordings is 200 reads, which one after the other on S3 take
             * longer than an HTTP answer may.
             */
            private List<RecordingSummary> summaries(List<SearchHit> hits) throws IOException {
                try (ExecutorService reads = Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("recording-summary-", 0).factory())) {
                    List<Future<RecordingSummary>> pending = new ArrayList<>(hits.size());
                    for (SearchHit hit : hits) {
                        pending.add(reads.submit(() -> summary(hit)));
                    }
                    List<RecordingSummary> found = new ArrayList<>(hits.size());
                    for (Future<RecordingSummary> summary : pending) {
                        found.add(summary.get());
                    }
                    return found;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading recordings' metadata", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }

            @Override
            public Optional<RecordingSummary> recording(String callId) throws IOException {
                Optional<SearchHit> hit = hit(callId);
                return hit.isEmpty() ? Optional.empty() : Optional.of(summary(hit.get()));
            }

            @Override
            public OptionalLong audioSize(String callId) throws IOException {
                Optional<SearchHit> hit = hit(callId);
                if (hit.isEmpty()) {
                    return OptionalLong.empty();
                }
                try {
                    return store.head(keys(hit.get()).audio())
                            .map(info -> OptionalLong.of(info.size()))
                            .orElse(OptionalLong.empty());
                } catch (StoreException e) {
                    throw new IOException("cannot reach the store: " + e.getMessage(), e);
                }
            }

            @Override
            public RecordingAudio open(String callId, long first, long last) throws IOException {
                SearchHit hit = hit(callId).orElseThrow(() -> new IOException("no recording " + callId));
                ObjectKey key = keys(hit).audio();
                try {
                    ObjectInfo info = store.head(key).orElseThrow(() -> new IOException("no audio for " + callId));
                    InputStream in = store.get(key, new ByteRange(first, last));
                    return new RecordingAudio(info.size(), "audio/wav", in);
                } catch (StoreException e) {
                    throw new IOException("cannot read the recording from the store: " + e.getMessage(), e);
                }
            }

            private Optional<SearchHit> hit(String callId) {
                return index
                        .apply(SearchQuery.all()
                                .only(RecordKind.RECORDING)
                                .withCallId(callId)
                                .page(0, 1))
                        .hits()
                        .stream()
                        .filter(h -> h.id().equals(callId))
                        .findFirst();
            }

            private RecordingSummary summary(SearchHit hit) throws IOException {
                return new RecordingSummary(
                        hit.id(),
                        hit.service(),
                        hit.time(),
                        duration(hit),
                        banking.contains(hit.service()),
                        hit.phones().isEmpty() ? null : hit.phones().getFirst(),
                        hit.retention() == null ? null : hit.retention().retentionClass(),
                        hit.retention() == null ? null : hit.retention().retainUntil(),
                        hit.retention() != null && hit.retention().legalHold());
            }

            /** From the metadata beside the audio; {@code null} when it cannot be read. */
            private Duration duration(SearchHit hit) throws IOException {
                // one GET, no HEAD before it: a listing reads up to 200 of these from S3
                try (InputStream in = store.get(keys(hit).metadata())) {
                    JsonNode node = JSON.readTree(in).get("durationMillis");
                    return node == null || !node.canConvertToLong() ? null : Duration.ofMillis(node.asLong());
                } catch (ObjectNotFoundException e) {
                    return null;
                } catch (StoreException e) {
                    throw new IOException("cannot read recording metadata from the store: " + e.getMessage(), e);
                }
            }

            private RecordingKeys keys(SearchHit hit) {
                return RecordingKeys.of(hit.id(), hit.time());
            }
        };
    }

    /** The capability names of both modules, for the test that keeps them equal. */
}

package org.callgate.web;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callgate.core.PhoneNumber;
import org.callgate.core.access.Account;
import org.callgate.core.access.AuditTrail;
import org.callgate.core.access.Capability;
import org.callgate.core.access.RecordingAccess;
import org.callgate.core.access.RecordingAudio;
import org.callgate.core.access.RecordingFilter;
import org.callgate.core.access.RecordingSummary;

/**
 * {@code GET /api/v1/recordings?service=&from=&to=&number=&dossier=&limit=} (the recordings the
 * account may hear) and {@code GET /api/v1/recordings/{callId}/audio?reason=} (the audio, with
 * single byte ranges; the read goes to the audit trail before the first byte is sent).
 */
final class RecordingRoutes implements ApiRoutes {

    static final int MAX_REASON = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
    private static final Pattern DOSSIER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final RecordingAccess recordings;
    private final AuditTrail audit;
    private final AccessControl access;

    RecordingRoutes(RecordingAccess recordings, AuditTrail audit, AccessControl access) {
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public void addTo(ServerBuilder server, String prefix) {
        server.route().get(prefix + "/recordings").build(anyRecordings(Blocking.service(this::list)));
        server.route().get(prefix + "/recordings/{callId}/audio").build(anyRecordings(this::audio));
    }

    /** 403 unless the account may hear some recordings, sampled or banking. */
    private HttpService anyRecordings(HttpService service) {
        return (ctx, req) -> {
            Account account = access.session(ctx).account();
            if (!account.may(Capability.SAMPLED_RECORDINGS) && !account.may(Capability.BANKING_RECORDINGS)) {
                throw new ApiException(403, "your roles do not allow this", Map.of("capability", "sampled_recordings"));
            }
            return service.serve(ctx, req);
        };
    }

    private AggregatedHttpResponse list(ServiceRequestContext ctx, AggregatedHttpRequest req) throws IOException {
        QueryParams params = QueryParams.fromQueryString(ctx.query());
        String service = matching(params.get("service"), SERVICE, "service");
        String dossier = matching(params.get("dossier"), DOSSIER, "dossier");
        String number = null;
        if (params.get("number") != null) {
            number = PhoneNumber.tryParse(params.get("number"))
                    .map(PhoneNumber::e164)
                    .orElseThrow(
                            () -> ApiException.badRequest("number is not a phone number", Map.of("field", "number")));
        }
        Instant from = instant(params.get("from"), "from");
        Instant to = instant(params.get("to"), "to");
        int limit = limit(params.get("limit"));
        Account account = access.session(ctx).account();
        boolean compliance = account.may(Capability.BANKING_RECORDINGS);
        List<Map<String, Object>> body =
                recordings.find(new RecordingFilter(service, from, to, number, dossier, limit)).stream()
                        .filter(r -> account.mayHear(r.service(), r.banking()))
                        .map(r -> summary(r, compliance))
                        .toList();
        return Json.response(200, body);
    }

    private HttpResponse audio(ServiceRequestContext ctx, com.linecorp.armeria.common.HttpRequest req) {
        Account account = access.session(ctx).account();
        String range = req.headers().get(HttpHeaderNames.RANGE);
        return HttpResponse.of(CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return audio(ctx, account, range);
                    } catch (Exception e) {
                        return JsonErrors.forException(ctx, e).toHttpResponse();
                    }
                },
                ctx.blockingTaskExecutor()));
    }

    private HttpResponse audio(ServiceRequestContext ctx, Account account, String rangeHeader) throws IOException {
        QueryParams params = QueryParams.fromQueryString(ctx.query());
        String reason = params.get("reason", "").strip();
        if (reason.isEmpty()
                || reason.length() > MAX_REASON
                || CONTROL.matcher(reason).find()) {
            throw ApiException.badRequest(
                    "reason (a complaint id, a spot check) is required, at most " + MAX_REASON
                            + " characters without control characters",
                    Map.of("field", "reason"));
        }
        String callId = Optional.ofNullable(ctx.pathParam("callId")).orElse("");
        if (!CALL_ID.matcher(callId).matches()) {
            throw ApiException.notFound("no such recording");
        }
        RecordingSummary recording =
                recordings.recording(callId).orElseThrow(() -> ApiException.notFound("no such recording"));
        if (!account.mayHear(recording.service(), recording.banking())) {
            throw new ApiException(403, "you may not hear this recording");
        }
        OptionalLong size = recordings.audioSize(callId);
        if (size.isEmpty()) {
            throw ApiException.notFound("no audio for this recording");
        }
        long total = size.getAsLong();
        long[] span = span(rangeHeader, total);
        if (span == null) {
            return JsonErrors.forException(ctx, new ApiException(416, "range not satisfiable", Map.of("size", total)))
                    .toHttpResponse()
                    .mapHeaders(h -> h.toBuilder()
                            .set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + total)
                            .build());
        }
        boolean partial = isRange(rangeHeader);
        long first = span[0];
        long last = span[1];
        audit.record(
                AuditTrail.RECORDING_READ,
                account.name(),
                Map.of(AuditTrail.CALL, callId, "reason", reason, "range", first + "-" + last + "/" + total));
        ResponseHeadersBuilder headers = ResponseHeaders.builder(partial ? 206 : 200)
                .set(HttpHeaderNames.ACCEPT_RANGES, "bytes")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (total == 0) {
            return HttpResponse.of(
                    headers.contentType(MediaType.parse("audio/wav")).build());
        }
        RecordingAudio audio = recordings.open(callId, first, last);
        headers.contentType(MediaType.parse(audio.contentType()))
                .setLong(HttpHeaderNames.CONTENT_LENGTH, last - first + 1);
        if (partial) {
            headers.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + total);
        }
        return HttpResponse.of(
                headers.build(),
                StreamMessage.builder(audio.in())
                        .executor(ctx.blockingTaskExecutor())
                        .build());
    }

    /** A single byte range with at least one bound; anything else is ignored (the whole file). */
    private static boolean isRange(String header) {
        if (header == null) {
            return false;
        }
        Matcher m = RANGE.matcher(header.strip());
        return m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty());
    }

    /**
     * The inclusive span to send: the whole file without a (single, well-formed) range header, the
     * range clipped to the size, or {@code null} when the range cannot be satisfied (416).
     */
    static long[] span(String header, long size) {
        if (header == null || !isRange(header)) {
            return new long[] {0, size - 1};
        }
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches()) {
            return new long[] {0, size - 1};
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    return null;
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first)) {
                return null;
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String matching(String given, Pattern pattern, String field) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(given).matches()) {
            throw ApiException.badRequest(field + " is malformed", Map.of("field", field));
        }
        return given;
    }

    private static Instant instant(String given, String field) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO-8601 instant", Map.of("field", field));
        }
    }

    private static int limit(String given) {
        if (given == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= RecordingFilter.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit must be 1 to " + RecordingFilter.MAX_LIMIT, Map.of("field", "limit"));
    }

    /** Need to know (R11): the caller's number in clear only for compliance. */
    private static Map<String, Object> summary(RecordingSummary r, boolean compliance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", r.callId());
        body.put("service", r.service());
        body.put("start", r.start() == null ? null : r.start().toString());
        body.put("durationSeconds", r.duration() == null ? null : r.duration().toSeconds());
        body.put("banking", r.banking());
        body.put("caller", r.caller() == null ? null : compliance ? r.caller() : mask(r.caller()));
        body.put("retentionClass", r.retentionClass());
        body.put("retainUntil", r.retainUntil() == null ? null : r.retainUntil().toString());
        body.put("legalHold", r.legalHold());
        return body;
    }

    static String mask(String number) {
        if (number.length() <= 6) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 6) + number.substring(number.length() - 2);
    }
}

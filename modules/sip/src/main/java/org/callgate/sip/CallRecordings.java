package org.callgate.sip;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.callgate.core.media.AudioSink;
import org.callgate.core.media.CallRecording;
import org.callgate.core.recording.CallRecorder;
import org.callgate.core.recording.Recording;
import org.callgate.core.recording.RecordingFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the recording of the conversation (R4): from the agent's answer to the first
 * hang-up, never the IVR before it nor the survey after it (R10 keeps survey answers, not audio).
 * Only calls whose fixed {@link Recording} decision says so are recorded (R7, R8).
 *
 * <p>Two steps, so that a banking call is never joined to its agent unrecorded when the policy
 * forbids it: {@link #prepare} asks the recorder for the call's sink when the agent answers,
 * before the legs are joined; {@link #start} has the media session record into it once they are.
 * A recorder that cannot start is an alarm: the decision becomes {@code recorder-failed} (in the
 * CDR and the trace), an ERROR names the call, {@link #failures()} counts it; with {@link
 * RecorderFailurePolicy#REFUSE} a banking call is then not put through (R8).
 */
final class CallRecordings {

    private static final Logger LOG = LoggerFactory.getLogger(CallRecordings.class);
    /** The reason phrase of the refusal (RFC 3261 §21.5.4 503, RFC 3326 Reason text). */
    static final String PHRASE = "Recording Unavailable";

    private final CallRecorder recorder;
    private final RecorderFailurePolicy policy;
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final Map<String, CallRecording> running = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    CallRecordings(CallRecorder recorder, RecorderFailurePolicy policy) {
        this.recorder = recorder;
        this.policy = policy;
    }

    /**
     * The agent answered {@code call} at {@code answered}: opens its recording if its decision says
     * to record it.
     *
     * @return false when the call must not be put through: a banking call whose recorder cannot
     *     start, under {@link RecorderFailurePolicy#REFUSE}
     */
    boolean prepare(B2buaCall call, Instant answered) {
        Recording decision = call.recording();
        if (decision == null || !decision.recorded() || !recorder.enabled() || prepared.containsKey(call.id)) {
            return true;
        }
        String dossier = call.route() == null ? null : call.route().dossier();
        try {
            AudioSink sink = recorder.begin(new RecordingFacts(
                    call.id, call.caller, call.line.id(), call.service(), answered, decision, dossier));
            prepared.put(call.id, new Prepared(sink, answered));
            return true;
        } catch (IOException | RuntimeException e) {
            return failed(call, decision, e);
        }
    }

    private boolean failed(B2buaCall call, Recording decision, Exception e) {
        failures.incrementAndGet();
        boolean refuse = decision.banking() && policy == RecorderFailurePolicy.REFUSE;
        call.recorderFailed();
        LOG.error(
                "{}: ALARM recorder failed: the call must be recorded ({}) but its recording cannot start, {}: {}",
                call,
                decision.headerValue(),
                refuse ? "the call is refused (recording.on-failure: refuse)" : "the call goes on unrecorded",
                e.toString());
        return !refuse;
    }

    /** The legs of {@code call} are joined: the media session records into the prepared sink. */
    void start(B2buaCall call) {
        Prepared ready = prepared.remove(call.id);
        if (ready != null) {
            running.put(call.id, call.media.record(ready.sink(), ready.answered()));
            LOG.debug("{}: recording", call);
        }
    }

    /**
     * The conversation of {@code call} is over: ends its recording, if any. The media session
     * hands the last audio to the sink and ends it; the recorder takes it from there. A sink
     * prepared for a call whose caller left as the agent answered is ended empty.
     */
    void stop(B2buaCall call) {
        Prepared unused = prepared.remove(call.id);
        if (unused != null) {
            unused.sink().end(unused.answered(), 0, 0);
        }
        CallRecording recording = running.remove(call.id);
        if (recording != null) {
            recording.stop(); // the recorder reports what it could not keep
        }
    }

    /** Calls whose recording had to start and could not, since start-up: the alarm's counter. */
    long failures() {
        return failures.get();
    }

    private record Prepared(AudioSink sink, Instant answered) {}
}

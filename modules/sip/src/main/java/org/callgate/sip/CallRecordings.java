package org.callgate.sip;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The recorder gives a sink for the call's audio and the media session records into it; from
 * the hang-up on the recording is the recorder's, so this class never sees a file. A recording
 * that cannot start is an error in the log, never a failed call.
 */
final class CallRecordings {

    private static final Logger LOG = LoggerFactory.getLogger(CallRecordings.class);

    private final SipContext sip;
    private final CallRecorder recorder;
    private final Map<String, CallRecording> running = new ConcurrentHashMap<>();

    CallRecordings(SipContext sip, CallRecorder recorder) {
        this.sip = sip;
        this.recorder = recorder;
    }

    /** The agent answered {@code call}: records it if its decision says so. */
    void start(B2buaCall call) {
        Recording decision = call.recording();
        if (decision == null || !decision.recorded() || !recorder.enabled() || running.containsKey(call.id)) {
            return;
        }
        String service = call.route() == null ? call.line.id() : call.route().service();
        Instant answered = call.answered() == null ? sip.settings.clock().instant() : call.answered();
        try {
            String dossier = call.route() == null ? null : call.route().dossier();
            AudioSink sink = recorder.begin(
                    new RecordingFacts(call.id, call.caller, call.line.id(), service, answered, decision, dossier));
            running.put(call.id, call.media.record(sink, answered));
            LOG.debug("{}: recording", call);
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "{}: the call must be recorded ({}) but its recording cannot start: {}",
                    call,
                    decision.headerValue(),
                    e.toString());
        }
    }

    /**
     * The conversation of {@code call} is over: ends its recording, if any. The media session
     * hands the last audio to the sink and ends it; the recorder takes it from there.
     */
    void stop(B2buaCall call) {
        CallRecording recording = running.remove(call.id);
        if (recording != null) {
            recording.stop(); // the recorder reports what it could not keep
        }
    }
}

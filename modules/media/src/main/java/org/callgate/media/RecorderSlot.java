package org.callgate.media;

/**
 * The recorder of a session while it records, read by the {@link RecorderTap}s of both legs.
 * Event loop only, like the recorder itself: a plain field.
 */
final class RecorderSlot {

    private StereoRecorder recorder;

    StereoRecorder recorder() {
        return recorder;
    }

    void set(StereoRecorder recorder) {
        this.recorder = recorder;
    }
}

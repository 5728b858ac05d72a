/**
 * Netty implementation of the media SPI ({@link org.callgate.core.media.MediaControl}): a UDP
 * relay that anchors the RTP and RTCP of each call in callgate.
 *
 * <p>Every session owns two RTP/RTCP port pairs (RFC 3550 §11: RTP on an even port, RTCP on the
 * next odd one), one facing the caller and one facing the agent. All four channels of a session
 * are registered on one event loop, so a packet is received, checked and relayed on a single
 * thread and the per-leg state needs no locks. The receive path of every channel is a short
 * pipeline, see {@link org.callgate.media.MediaPipeline}.
 *
 * <p>For the IVR, a session can switch its relay off, play prompts to the caller (G.711 RTP paced
 * at 20 ms by a task on the session's loop, {@link org.callgate.media.PromptPlayer}) and reports
 * the caller's RFC 4733 key presses ({@link org.callgate.media.DtmfTap}). Prompt files are read
 * with {@link org.callgate.media.WavClips}.
 *
 * <p>For a recorded call (R4), the session's {@link org.callgate.media.StereoRecorder} places both
 * legs' audio on one timeline and hands it on as stereo PCM to the {@link
 * org.callgate.core.media.AudioSink} the recording module gave; this package knows nothing of
 * files or the spool.
 */
package org.callgate.media;

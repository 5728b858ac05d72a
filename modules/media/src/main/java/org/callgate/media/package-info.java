/**
 * Netty implementation of the media SPI ({@link org.callgate.core.media.MediaControl}): a UDP
 * relay that anchors the RTP and RTCP of each call in callgate.
 *
 * <p>Every session owns two RTP/RTCP port pairs (RFC 3550 §11: RTP on an even port, RTCP on the
 * next odd one), one facing the caller and one facing the agent. All four channels of a session
 * are registered on one event loop, so a packet is received, checked and relayed on a single
 * thread and the per-leg state needs no locks. The receive path of every channel is a short
 * pipeline, see {@link org.callgate.media.MediaPipeline}.
 */
package org.callgate.media;

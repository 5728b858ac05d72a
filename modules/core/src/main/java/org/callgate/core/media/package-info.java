/**
 * The media SPI: how the signalling layer anchors a call's RTP in callgate. The Netty
 * implementation lives in the {@code media} module; only {@code app} wires it.
 */
package org.callgate.core.media;

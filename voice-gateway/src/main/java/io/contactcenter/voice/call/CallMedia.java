package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Codec;
import io.contactcenter.voice.media.Leg;
import io.contactcenter.voice.media.StreamStats;
import java.time.Instant;

/**
 * What one call's media was like, gathered as it goes: the customer's stream for the whole call, the agent's phone
 * while it was bridged, and how much voice each side sent during the conversation (one-way audio shows there, not in
 * the IVR part, where a silent caller is normal). Touched by the call's own thread only.
 */
final class CallMedia {

    final Instant startedAt;
    private final long startedNanos = System.nanoTime();
    private String agentId;
    private long bridgedAtNanos;
    private long customerVoicedAtBridge;
    private long connectedNanos;
    private long customerVoicedWhileBridged;
    private StreamStats.Snapshot agent;

    CallMedia(Instant startedAt) {
        this.startedAt = startedAt;
    }

    /** The agent's phone and the customer are now bridged. */
    void bridged(String agent, Leg customer) {
        agentId = agent;
        bridgedAtNanos = System.nanoTime();
        customerVoicedAtBridge = customer.stats().voicedFrames();
    }

    /** The bridge ended (either side hung up, or the call ends): take the agent leg's figures before it closes. */
    void unbridged(Leg customer, Leg agentLeg) {
        if (bridgedAtNanos == 0) {
            return;
        }
        connectedNanos += System.nanoTime() - bridgedAtNanos;
        customerVoicedWhileBridged += customer.stats().voicedFrames() - customerVoicedAtBridge;
        agent = agentLeg.stats();
        bridgedAtNanos = 0;
    }

    String agentId() {
        return agentId;
    }

    StreamStats.Snapshot agent() {
        return agent;
    }

    double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    double connectedSeconds() {
        return connectedNanos / 1e9;
    }

    /** Seconds of voice the customer sent while bridged with the agent. */
    double customerVoicedWhileBridged() {
        return customerVoicedWhileBridged * Codec.FRAME_MILLIS / 1000.0;
    }
}

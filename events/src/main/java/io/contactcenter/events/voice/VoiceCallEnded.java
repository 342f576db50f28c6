package io.contactcenter.events.voice;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * {@code voice.call-ended}: a call the voice gateway carried is over. Media quality is what the gateway received from
 * each far end (the customer's leg always, the agent's phone when one was bridged); no phone numbers travel here.
 *
 * @param direction INBOUND (a trunk call through the IVR) or OUTBOUND (a callback's dial-out)
 * @param agent null when no agent phone was bridged (the IVR alone, or an agent talking through the desk)
 * @param oneWayAudio the legs were bridged for a while, media kept arriving, but one side sent no voice: the classic
 *        one-way audio fault (NAT, a muted or broken handset)
 */
@RegisterForReflection
public record VoiceCallEnded(@NotBlank String callId, String contactId, String callbackId, String agentId,
        @NotBlank @Pattern(regexp = "INBOUND|OUTBOUND") String direction, @NotBlank String outcome, @NotNull Instant startedAt,
        @NotNull Instant endedAt, double connectedSeconds, @NotNull @Valid MediaQuality customer, @Valid MediaQuality agent,
        boolean oneWayAudio) {

    /**
     * One received stream: RTP packets, losses (RFC 3550 A.3), interarrival jitter (A.8), the E-model MOS estimate (null
     * when no packet arrived: there was nothing to judge) and the seconds of it that carried voice.
     */
    @RegisterForReflection
    public record MediaQuality(long packets, long lost, double lossRatio, double jitterMillis, Double mos,
            double voicedSeconds) {
    }
}

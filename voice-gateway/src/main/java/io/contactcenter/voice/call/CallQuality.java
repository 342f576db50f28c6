package io.contactcenter.voice.call;

import io.contactcenter.events.voice.VoiceCallEnded;
import io.contactcenter.voice.media.Quality;
import io.contactcenter.voice.media.StreamStats;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Each call's media quality as the gateway received it: loss, jitter, MOS per leg, one-way audio. Recorded in the
 * metrics and turned into the call's {@code voice.call-ended} event, which reporting shows per queue and agent.
 */
@ApplicationScoped
public class CallQuality {

    private static final Logger LOG = Logger.getLogger(CallQuality.class);

    private final MeterRegistry registry;
    private final Clock clock;

    public CallQuality(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The call is over: its metrics, a log line, and the event that announces it. */
    VoiceCallEnded callEnded(String callId, String contactId, String callbackId, String direction, String outcome,
            CallMedia media, StreamStats.Snapshot customer) {
        VoiceCallEnded.MediaQuality in = quality(customer);
        StreamStats.Snapshot agentStats = media.agent();
        VoiceCallEnded.MediaQuality agent = agentStats == null ? null : quality(agentStats);
        boolean oneWay = agent != null && Quality.oneWayAudio(media.connectedSeconds(), customer.packets(),
                media.customerVoicedWhileBridged(), agentStats.packets(), agent.voicedSeconds());
        if (in.mos() != null) { // a call that never sent media has no quality to judge (and no perfect score)
            DistributionSummary.builder("cc_voice_call_mos").description("MOS estimate per call (E-model, customer's stream)")
                    .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(4.5).register(registry).record(in.mos());
            DistributionSummary.builder("cc_voice_call_jitter_ms").description("RFC 3550 interarrival jitter per call")
                    .publishPercentileHistogram().register(registry).record(in.jitterMillis());
            DistributionSummary.builder("cc_voice_call_loss_ratio").description("RTP packets lost / expected per call")
                    .register(registry).record(in.lossRatio());
        }
        registry.counter("cc_voice_rtp_packets_received_total").increment(customer.packets());
        registry.counter("cc_voice_rtp_packets_lost_total").increment(customer.lost());
        if (oneWay) {
            registry.counter("cc_voice_calls_one_way_audio_total").increment();
        }
        LOG.infof("call %s contact %s: %.1f s, %d packets in, loss %.2f %%, jitter %.1f ms, MOS %s%s%s", callId, contactId,
                media.seconds(), customer.packets(), 100 * in.lossRatio(), in.jitterMillis(), mos(in),
                agent == null ? "" : String.format(", agent %s MOS %s for %.1f s", media.agentId(), mos(agent),
                        media.connectedSeconds()), oneWay ? ", ONE-WAY AUDIO" : "");
        return new VoiceCallEnded(callId, contactId, callbackId, media.agentId(), direction, outcome, media.startedAt,
                clock.instant(), media.connectedSeconds(), in, agent, oneWay);
    }

    private static String mos(VoiceCallEnded.MediaQuality q) {
        return q.mos() == null ? "- (no media)" : String.format("%.2f", q.mos());
    }

    static VoiceCallEnded.MediaQuality quality(StreamStats.Snapshot s) {
        Double mos = s.packets() == 0 ? null : Quality.mos(Quality.rFactor(s.lossRatio(), s.jitterMillis(), 0));
        return new VoiceCallEnded.MediaQuality(s.packets(), s.lost(), s.lossRatio(), s.jitterMillis(), mos, s.voicedSeconds());
    }
}

package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Quality;
import io.contactcenter.voice.media.StreamStats;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Each call's media quality as the gateway received it from the caller: loss, jitter, MOS, one-way silence. */
@ApplicationScoped
public class CallQuality {

    private static final Logger LOG = Logger.getLogger(CallQuality.class);

    private final MeterRegistry registry;

    public CallQuality(MeterRegistry registry) {
        this.registry = registry;
    }

    void callEnded(InboundCall call, StreamStats.Snapshot in, double seconds) {
        double r = Quality.rFactor(in.lossRatio(), in.jitterMillis(), 0);
        double mos = Quality.mos(r);
        DistributionSummary.builder("cc_voice_call_mos").description("MOS estimate per call (E-model, caller's stream)")
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(4.5).register(registry).record(mos);
        DistributionSummary.builder("cc_voice_call_jitter_ms").description("RFC 3550 interarrival jitter per call")
                .publishPercentileHistogram().register(registry).record(in.jitterMillis());
        DistributionSummary.builder("cc_voice_call_loss_ratio").description("RTP packets lost / expected per call")
                .register(registry).record(in.lossRatio());
        registry.counter("cc_voice_rtp_packets_received_total").increment(in.packets());
        registry.counter("cc_voice_rtp_packets_lost_total").increment(in.lost());
        LOG.infof("call %s contact %s: %.1f s, %d packets in, loss %.2f %%, jitter %.1f ms, MOS %.2f", call.sipCallId, call.contactId,
                seconds, in.packets(), 100 * in.lossRatio(), in.jitterMillis(), mos);
    }
}

package io.contactcenter.voice.call;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.callback.CallbackDialing;
import io.contactcenter.voice.config.VoiceConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Places callback-service's dial-outs ({@code callback.dialing}) through the outbound trunk. The replicas share one
 * consumer group, and each attempt is claimed by a row in {@code voice_dial} first, so a redelivered event (a replica
 * that died before committing its offset) never rings a customer twice.
 */
@ApplicationScoped
public class Dialer {

    private static final Logger LOG = Logger.getLogger(Dialer.class);

    private final Calls calls;
    private final EventCodec codec;
    private final Pool pool;
    private final VoiceConfig config;

    public Dialer(Calls calls, EventCodec codec, Pool pool, VoiceConfig config) {
        this.calls = calls;
        this.codec = codec;
        this.pool = pool;
        this.config = config;
    }

    @Incoming("callbacks")
    @io.smallrye.common.annotation.Blocking
    public void onCallbacks(List<String> records) {
        if (config.dial().trunkUri().isEmpty()) {
            return;
        }
        for (String json : records) {
            CallbackDialing d;
            try {
                CloudEvent e = codec.read(json);
                if (!EventTypes.CALLBACK_DIALING.equals(e.type())) {
                    continue;
                }
                d = codec.data(e, CallbackDialing.class);
            } catch (RuntimeException bad) {
                LOG.debugf("unreadable callback event skipped: %s", bad.getMessage());
                continue;
            }
            var claimed = pool.preparedQuery("insert into voice_dial (callback_id, attempt, instance_id, phone, started_at)"
                    + " values ($1, $2, $3, $4, now()) on conflict do nothing").execute(Tuple.of(d.callbackId(), d.attempt(),
                    config.instanceId(), d.phone())).await().atMost(Duration.ofSeconds(10));
            if (claimed.rowCount() == 1) {
                calls.dial(new OutboundCall(calls.services(), d, pool));
            }
        }
    }
}

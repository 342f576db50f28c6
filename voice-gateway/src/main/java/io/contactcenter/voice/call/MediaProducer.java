package io.contactcenter.voice.call;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.media.MediaEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one RTP engine of this replica. */
@ApplicationScoped
public class MediaProducer {

    @Produces
    @Singleton
    MediaEngine engine(VoiceConfig config) {
        return new MediaEngine(config.rtp().host(), config.rtp().portMin(), config.rtp().portMax());
    }

    void close(@Disposes MediaEngine engine) {
        engine.close();
    }
}

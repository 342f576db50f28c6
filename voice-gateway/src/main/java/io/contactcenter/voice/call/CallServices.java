package io.contactcenter.voice.call;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.media.MediaEngine;
import io.contactcenter.voice.phone.Phones;
import io.contactcenter.voice.prompt.PromptStore;
import io.contactcenter.voice.sip.SipEndpoint;
import io.contactcenter.voice.tts.SpeechSynthesizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ScheduledExecutorService;

/** What a call needs from the gateway, handed over in one piece. */
record CallServices(Edge edge, SipEndpoint sip, MediaEngine media, SpeechSynthesizer tts, PromptStore prompts, Phones phones,
        VoiceConfig config, Calls calls, CallLog log, CallQuality quality, CallRecorder recorder, MeterRegistry metrics,
        ScheduledExecutorService timers) {
}

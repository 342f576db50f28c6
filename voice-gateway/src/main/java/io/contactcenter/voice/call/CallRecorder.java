package io.contactcenter.voice.call;

import io.contactcenter.events.http.JsonHttp;
import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.media.Recording;
import io.contactcenter.voice.recording.RecordingStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Records connected calls as the CRM's consent allows, and when the recording ends stores the WAV (the
 * {@link RecordingStore} port) and attaches it to the contact's CRM interaction. Finishing happens off the call's
 * thread: the caller may still be in the post-call survey.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class);

    /** A recording in progress and what it belongs to. */
    record Active(Recording recording, String callId, String contactId, String agentId, Instant startedAt, String mailbox) {
    }

    private final VoiceConfig config;
    private final Edge edge;
    private final RecordingStore store;
    private final MeterRegistry registry;
    private final ExecutorService finishing = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "recording-finish");
        t.setDaemon(true);
        return t;
    });

    public CallRecorder(VoiceConfig config, Edge edge, RecordingStore store, MeterRegistry registry) {
        this.config = config;
        this.edge = edge;
        this.store = store;
        this.registry = registry;
    }

    /** A new recording for a call being connected, or null when it must not (or cannot) be recorded. */
    Active start(String callId, String contactId, String agentId, String caller) {
        if (!config.recording().enabled()) {
            return null;
        }
        boolean allowed;
        try {
            allowed = edge.recordingAllowed(caller).await().atMost(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            allowed = true;
        }
        if (!allowed) {
            registry.counter("cc_voice_recordings_total", "result", "no-consent").increment();
            LOG.infof("call %s not recorded: the customer withdrew consent", callId);
            return null;
        }
        try {
            return new Active(new Recording(config.recording().dir().resolve("in-progress"), System.nanoTime(),
                    config.recording().maxSeconds()), callId, contactId, agentId, Instant.now(), null);
        } catch (java.io.IOException e) {
            LOG.warnf("call %s not recorded: %s", callId, e.getMessage());
            return null;
        }
    }

    /** A voicemail message: the caller left it, so consent is theirs to give; null if it cannot be recorded. */
    Active startVoicemail(String callId, String contactId, String mailbox) {
        try {
            return new Active(new Recording(config.recording().dir().resolve("in-progress"), System.nanoTime(), 180), callId,
                    contactId, null, Instant.now(), mailbox == null ? "default" : mailbox);
        } catch (java.io.IOException e) {
            LOG.warnf("call %s: voicemail not recorded: %s", callId, e.getMessage());
            return null;
        }
    }

    void finish(Active a) {
        if (a == null) {
            return;
        }
        a.recording().close();
        finishing.execute(() -> {
            try {
                if (a.recording().seconds() <= 0) {
                    a.recording().discard();
                    return;
                }
                Path wav = Files.createTempFile(config.recording().dir().resolve("in-progress"), "call-", ".wav");
                a.recording().writeWav(wav);
                java.net.URI uri = store.store((a.mailbox() != null ? "voicemail-" + a.mailbox() + "-" : "") + a.contactId() + "-"
                        + a.callId(), wav);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("uri", uri.toString());
                body.put("mediaType", "audio/wav");
                body.put("durationSeconds", a.recording().seconds());
                body.put("recordedAt", a.startedAt().toString());
                body.put("interactionId", a.contactId());
                body.put("metadata", a.mailbox() != null
                        ? Map.of("callId", a.callId(), "kind", "voicemail", "mailbox", a.mailbox())
                        : Map.of("callId", a.callId(), "agentId", String.valueOf(a.agentId()), "channels", "caller-left,agent-right"));
                try {
                    edge.attachRecording(body).await().atMost(Duration.ofSeconds(15));
                    registry.counter("cc_voice_recordings_total", "result", a.mailbox() != null ? "voicemail-attached" : "attached").increment();
                } catch (RuntimeException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof JsonHttp.Failed f && f.status == 403) {
                        Files.deleteIfExists(Path.of(uri)); // the CRM knows the consent was withdrawn: keep nothing
                        registry.counter("cc_voice_recordings_total", "result", "refused").increment();
                    } else {
                        registry.counter("cc_voice_recordings_total", "result", "stored-not-attached").increment();
                        LOG.warnf("recording %s stored but not attached in the CRM: %s", uri, cause.getMessage());
                    }
                }
            } catch (Exception e) {
                registry.counter("cc_voice_recordings_total", "result", "failed").increment();
                LOG.warnf("recording of call %s lost: %s", a.callId(), e.getMessage());
            }
        });
    }
}

package io.contactcenter.voice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** voice-gateway settings under {@code cc.voice}. */
@ConfigMapping(prefix = "cc.voice")
public interface VoiceConfig {

    /** This replica's name: its calls and registrations carry it (a pod's name in Kubernetes). */
    @WithDefault("${HOSTNAME:voice-gateway}")
    String instanceId();

    Sip sip();

    Rtp rtp();

    /** ivr-service base URL: every inbound call is run by the flow bound to the dialled number. */
    @WithDefault("http://localhost:8082")
    String ivrUrl();

    /** routing-service base URL: answers to offers, completion of calls. */
    @WithDefault("http://localhost:8081")
    String routingUrl();

    /** callback-service base URL: outcomes of dial-outs. */
    @WithDefault("http://localhost:8083")
    String callbackUrl();

    Dial dial();

    Recording recording();

    /** crm-service base URL: recording consent of the caller, and where recordings are attached. Unset: no CRM. */
    Optional<String> crmUrl();

    /** A fixed bearer token of role {@code telephony}, for trials; prefer {@link #serviceTokenFile()}. */
    Optional<String> serviceToken();

    /** A file holding the gateway's {@code telephony} token, re-read when the platform rotates it. */
    Optional<Path> serviceTokenFile();

    /** Where rendered speech is cached (per text, language and voice), so a prompt is synthesized once. */
    @WithDefault("${java.io.tmpdir}/cc-voice-tts")
    Path ttsCache();

    /** espeak-ng voice per language (IETF tag → espeak-ng voice); languages not listed use their own tag. */
    @WithDefault("en=en-us,fa=fa,de=de")
    List<String> ttsVoices();

    /** Time allowed between two keys of a gather before what was keyed is sent. */
    @WithDefault("3s")
    Duration interDigitTimeout();

    /** How long an agent's phone rings before the gateway gives up (routing's offer expiry ends it sooner). */
    @WithDefault("30s")
    Duration ringTimeout();

    interface Sip {
        /** Address the SIP stack listens on and puts in Via, Contact and SDP. */
        @WithDefault("127.0.0.1")
        String host();

        /** SIP port (UDP and TCP). */
        @WithDefault("5070")
        int port();

        /** Digest realm of agents' registrations. */
        @WithDefault("contact-center")
        String realm();

        /**
         * Source addresses (IPs or CIDR blocks) whose INVITEs are trunk calls; anything else is refused with 403.
         * Loopback by default, for a local SIP proxy or test peers.
         */
        @WithDefault("127.0.0.0/8")
        List<String> trunkSources();

        /** Longest registration granted; phones asking for more get this. */
        @WithDefault("3600")
        int maxRegistrationSeconds();
    }

    interface Recording {
        /** Records connected calls (caller and agent, stereo WAV) unless the customer withdrew consent in the CRM. */
        @WithDefault("true")
        boolean enabled();

        /** Where the default store keeps recordings (a volume in Kubernetes). */
        @WithDefault("${java.io.tmpdir}/cc-voice-recordings")
        Path dir();

        /** Longest part of a call kept. */
        @WithDefault("7200")
        int maxSeconds();
    }

    interface Dial {
        /**
         * Where callback dial-outs go: a SIP URI template of the outbound trunk with {@code {number}} for the E.164
         * number, e.g. {@code sip:{number}@trunk.example.net:5060}. Unset: this gateway places no callbacks (another
         * edge may read {@code callback.dialing}).
         */
        Optional<String> trunkUri();

        /** The number customers see when called back. */
        @WithDefault("+4940990000000")
        String callerId();

        /** How long a customer's phone rings before the attempt counts as NO_ANSWER. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Rtp {
        /** Address RTP ports are bound to and announced in SDP. */
        @WithDefault("127.0.0.1")
        String host();

        /** First port of the RTP range (even). */
        @WithDefault("30000")
        int portMin();

        /** Last port of the RTP range. */
        @WithDefault("31999")
        int portMax();

        /** A call whose media stopped arriving for this long is ended as dead (and routing told). */
        @WithDefault("60s")
        Duration timeout();
    }
}

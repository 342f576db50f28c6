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

    Twilio twilio();

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

        /**
         * Trunks that authenticate with digest credentials instead of a fixed address, as {@code username:password}
         * pairs (a Secret's value; never in the repository). With any set, an INVITE from outside
         * {@link #trunkSources()} is challenged (407) rather than refused, and taken when its credentials match.
         */
        Optional<List<String>> trunkAccounts();

        /** Digest realm of agents' registrations and of trunks' INVITEs. */
        @WithDefault("contact-center")
        String realm();

        /**
         * Source addresses (IPs or CIDR blocks) whose INVITEs are trunk calls; anything else is refused with 403.
         * Loopback by default, for a local SIP proxy or test peers.
         */
        @WithDefault("127.0.0.0/8")
        List<String> trunkSources();

        /**
         * Key of the registration challenges' nonces, the same on every replica: behind a SIP proxy (Kamailio's
         * dispatcher) a phone's answer to a challenge may reach another replica than the one that sent it. Unset: a
         * random key per process, right for a single replica.
         */
        Optional<String> nonceSecret();

        /**
         * RFC 4028 session interval asked of callers whose phones support timers and name none; they refresh the call
         * within it, and a call nobody refreshed is ended.
         */
        @WithDefault("1800")
        int sessionExpires();

        /** Smallest session interval accepted (Min-SE); shorter requests get 422. RFC 4028 sets 90 as the floor. */
        @WithDefault("90")
        int minSessionExpires();

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

    interface Twilio {
        /**
         * The account's auth token: every webhook's X-Twilio-Signature is checked with it. Unset: the adapter answers
         * 503, so the number's fallback URL takes over.
         */
        Optional<String> authToken();

        /**
         * The adapter's base URL as the provider calls it (scheme, host, port, e.g. {@code https://cc.example.com}).
         * Signatures cover the full URL the provider requested, which a proxy or ingress in front changes; unset: the
         * URL this server received.
         */
        Optional<String> publicUrl();

        /**
         * Where a {@code bridge} to an agent dials: {@code client:{agent}} (the provider's voice SDK in the agent's
         * browser, identity = agent id), or a SIP URI template such as {@code sip:{agent}@pbx.example.com}.
         */
        @WithDefault("client:{agent}")
        String agentAddress();
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

package io.contactcenter.voice.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Leave;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Sip;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The IVR's actions as TwiML, built with the provider's SDK. A turn becomes one document: prompts, then the verb that
 * waits for the caller ({@code Gather}, {@code Enqueue}, {@code Dial}, {@code Record}) or ends the call, else a
 * {@code Redirect} that reports the prompts played. While a caller is queued, the provider fetches the Enqueue's wait
 * document again and again: announcements and hold music, or {@code Leave} once an agent took the call.
 *
 * @param base the adapter's URL prefix the provider calls back ({@code /voice/twilio}, or absolute behind a proxy)
 * @param agentAddress {@code client:{agent}}, or a SIP URI template with {@code {agent}}
 */
record Twiml(String base, String agentAddress) {

    static final String HOLD_MUSIC = "hold-music";

    /** A call's turn: what the caller hears and does next. */
    String turn(JsonNode turn) {
        String state = turn.path("state").asText("IVR");
        List<JsonNode> actions = new ArrayList<>();
        turn.path("actions").forEach(actions::add);
        boolean queues = actions.stream().anyMatch(a -> "enqueued".equals(type(a)));
        VoiceResponse.Builder doc = new VoiceResponse.Builder();
        List<TwiML> prompts = new ArrayList<>();
        for (JsonNode a : actions) {
            switch (type(a)) {
                case "say" -> prompts.add(speech(a));
                case "play" -> {
                    if (!queues) { // a queued caller's music comes from the wait document
                        prompts.add(play(a.path("prompt").asText(null)));
                    }
                }
                case "gather" -> {
                    Gather.Builder g = new Gather.Builder().action(base + "/gather").numDigits(a.path("maxDigits").asInt(1))
                            .timeout(a.path("timeoutSeconds").asInt(5)).actionOnEmptyResult(false)
                            .inputs(a.path("speech").asBoolean(false) ? List.of(Gather.Input.DTMF, Gather.Input.SPEECH)
                                    : List.of(Gather.Input.DTMF));
                    prompts.forEach(p -> nest(g, p)); // keys cut the prompts short (barge-in)
                    prompts.clear();
                    return doc.gather(g.build()).redirect(redirect("/timeout")).build().toXml();
                }
                case "enqueued" -> {
                    flush(doc, prompts);
                    return doc.enqueue(new Enqueue.Builder(a.path("queueId").asText("queue")).waitUrl(base + "/wait")
                            .action(base + "/queue-result").build()).build().toXml();
                }
                case "bridge" -> {
                    flush(doc, prompts);
                    return doc.dial(agent(a.path("agentId").asText(""))).build().toXml();
                }
                case "transfer" -> {
                    flush(doc, prompts);
                    return doc.dial(new Dial.Builder().number(a.path("to").asText()).action(base + "/dial-result").build())
                            .build().toXml();
                }
                case "record" -> {
                    flush(doc, prompts);
                    return doc.record(new Record.Builder().action(base + "/recorded").finishOnKey("#").maxLength(120)
                            .playBeep(true).build()).build().toXml();
                }
                case "hangup" -> {
                    flush(doc, prompts);
                    return doc.hangup(new Hangup.Builder().build()).build().toXml();
                }
                default -> { } // nothing to play for the edge (e.g. a notice for another kind of edge)
            }
        }
        flush(doc, prompts);
        if ("ENDED".equals(state)) {
            return doc.hangup(new Hangup.Builder().build()).build().toXml();
        }
        return doc.redirect(redirect("/next")).build().toXml();
    }

    /** The Enqueue's wait document: leave the queue once the call is connected or over, else what to hear meanwhile. */
    String waiting(JsonNode turn) {
        if (leavesQueue(turn)) {
            return new VoiceResponse.Builder().leave(new Leave.Builder().build()).build().toXml();
        }
        VoiceResponse.Builder doc = new VoiceResponse.Builder();
        List<TwiML> verbs = new ArrayList<>();
        boolean music = false;
        for (JsonNode a : turn.path("actions")) {
            if ("say".equals(type(a))) {
                verbs.add(speech(a));
            } else if ("play".equals(type(a))) {
                verbs.add(play(a.path("prompt").asText(null)));
                music = true;
            }
        }
        if (!music) {
            verbs.add(play(HOLD_MUSIC)); // never silence: and the next wait request comes when it ends
        }
        flush(doc, verbs);
        return doc.build().toXml();
    }

    /** A waiting caller leaves the queue when the IVR says they are connected to an agent or the call is over. */
    static boolean leavesQueue(JsonNode turn) {
        String state = turn.path("state").asText("");
        if ("CONNECTED".equals(state) || "ENDED".equals(state)) {
            return true;
        }
        for (JsonNode a : turn.path("actions")) {
            if (Arrays.asList("bridge", "hangup", "record", "transfer").contains(type(a))) {
                return true;
            }
        }
        return false;
    }

    /** Something went wrong before the IVR could answer: an apology, never silence, then the end of the call. */
    static String sorry() {
        return new VoiceResponse.Builder()
                .say(new Say.Builder("We are sorry, we cannot take your call right now. Please try again later.")
                        .language(Say.Language.EN_US).build())
                .hangup(new Hangup.Builder().build()).build().toXml();
    }

    static String empty() {
        return new VoiceResponse.Builder().build().toXml();
    }

    private Dial agent(String agentId) {
        Dial.Builder dial = new Dial.Builder().action(base + "/dial-result");
        String address = agentAddress.replace("{agent}", agentId);
        if (address.startsWith("client:")) {
            return dial.client(new Client.Builder(address.substring("client:".length())).build()).build();
        }
        if (address.startsWith("sip:") || address.startsWith("sips:")) {
            return dial.sip(new Sip.Builder(address).build()).build();
        }
        return dial.number(address).build();
    }

    /** A {@code say}: spoken text, or the recorded prompt it names. */
    private TwiML speech(JsonNode a) {
        if (!a.hasNonNull("text")) {
            return play(a.path("prompt").asText(null));
        }
        Say.Builder say = new Say.Builder(a.path("text").asText());
        Say.Language language = language(a.path("language").asText(null));
        return (language == null ? say : say.language(language)).build();
    }

    private Play play(String prompt) {
        String name = prompt == null || prompt.isBlank() ? HOLD_MUSIC : prompt;
        return new Play.Builder(base + "/prompts/" + URLEncoder.encode(name, StandardCharsets.UTF_8)).build();
    }

    private Redirect redirect(String path) {
        return new Redirect.Builder(base + path).build();
    }

    /**
     * The provider's voice for an IETF tag: the exact tag, else its language's US/own-country variant, else the first of
     * the language; none (the provider's default) for a language it does not speak.
     */
    static Say.Language language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String wanted = tag.toLowerCase(Locale.ROOT);
        String lang = wanted.split("-")[0];
        Say.Language first = null;
        for (Say.Language l : Say.Language.values()) {
            String name = l.toString().toLowerCase(Locale.ROOT);
            if (name.equals(wanted) || name.equals(lang + "-" + lang) || name.equals("en-us") && lang.equals("en")) {
                return l;
            }
            if (first == null && name.startsWith(lang + "-")) {
                first = l;
            }
        }
        return first;
    }

    private static void flush(VoiceResponse.Builder doc, List<TwiML> verbs) {
        for (TwiML v : verbs) {
            if (v instanceof Say s) {
                doc.say(s);
            } else if (v instanceof Play p) {
                doc.play(p);
            }
        }
        verbs.clear();
    }

    private static void nest(Gather.Builder g, TwiML v) {
        if (v instanceof Say s) {
            g.say(s);
        } else if (v instanceof Play p) {
            g.play(p);
        }
    }

    private static String type(JsonNode a) {
        return a.path("type").asText("");
    }
}

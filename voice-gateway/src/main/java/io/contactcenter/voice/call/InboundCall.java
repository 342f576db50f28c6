package io.contactcenter.voice.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.events.contact.ContactOffered;
import io.contactcenter.voice.media.Clip;
import io.contactcenter.voice.media.Leg;
import io.contactcenter.voice.media.StreamStats;
import io.contactcenter.voice.phone.Phones;
import io.contactcenter.voice.sip.Sdp;
import io.contactcenter.voice.sip.SessionTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.Dialog;
import org.jboss.logging.Logger;

/**
 * One call from a trunk, run on a thread of its own as the IVR directs it: each turn's actions are played out
 * (speech, prompts, music, key gathering), then the caller's answer is posted and the next turn comes back. While the
 * caller waits, routing's offer rings the agent's phone; the phone's answer accepts the offer and bridges the two
 * legs. Every outside happening (keys, hang-ups, the phone's answer, routing's events) arrives as a {@link Signal} on
 * one queue, so the call's state is only ever touched by its own thread.
 */
final class InboundCall implements Runnable, Leg.Listener {

    private static final Logger LOG = Logger.getLogger(InboundCall.class);
    private static final Duration MAX_TURN = Duration.ofMinutes(10);

    /** A happening that ends the current turn early, with the event the IVR must hear. */
    private static final class Interrupt extends Exception {
        final Map<String, Object> event;

        Interrupt(Map<String, Object> event) {
            super(null, null, false, false);
            this.event = event;
        }
    }

    final String sipCallId;
    final String from;
    final String to;
    final Leg caller;
    private final CallServices s;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final AtomicLong tokens = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private final CallMedia media;
    volatile Dialog dialog;
    /** The SDP answered to the caller's INVITE: a session refresh is answered with it unchanged. */
    volatile String answerSdp;
    private volatile SessionTimer timer = SessionTimer.NONE;
    private volatile long refreshedNanos = System.nanoTime();
    volatile String sessionId;
    volatile String contactId;
    private String state = "IVR";
    private AgentLeg agent;
    private CallRecorder.Active recording;
    private boolean prompted;
    private boolean callerGone;
    private boolean ended;
    private String outcome = "ended";

    InboundCall(CallServices services, String sipCallId, String from, String to, Leg caller) {
        this.s = services;
        this.sipCallId = sipCallId;
        this.from = from;
        this.to = to;
        this.caller = caller;
        this.media = new CallMedia(services.quality().now());
        caller.listener(this);
    }

    void timer(SessionTimer t) {
        timer = t;
    }

    SessionTimer timer() {
        return timer;
    }

    /** The caller refreshed the session (re-INVITE or UPDATE): it is still there. */
    void refreshed() {
        refreshedNanos = System.nanoTime();
    }

    void signal(Signal sig) {
        signals.add(sig);
    }

    @Override
    public void onKey(char key) {
        signals.add(new Signal.Key(key));
    }

    @Override
    public void onPlaybackDone(long token) {
        signals.add(new Signal.PlayDone(token));
    }

    @Override
    public void run() {
        Thread.currentThread().setName("call-" + sipCallId);
        try {
            JsonNode turn;
            try {
                turn = s.edge().start(sipCallId, from, to).await().atMost(MAX_TURN);
            } catch (RuntimeException e) {
                LOG.warnf("call %s to %s: the IVR did not take it (%s)", sipCallId, to, e.getMessage());
                outcome = "ivr-unavailable";
                apologize();
                return;
            }
            sessionId = turn.path("sessionId").asText();
            contactId = turn.path("contactId").asText();
            s.calls().indexContact(contactId, this);
            s.log().started(this);
            while (!ended) {
                Map<String, Object> next;
                try {
                    next = perform(turn);
                } catch (Interrupt i) {
                    next = i.event;
                }
                if (next == null) {
                    break;
                }
                try {
                    turn = s.edge().event(sessionId, next).await().atMost(MAX_TURN);
                } catch (RuntimeException e) {
                    LOG.warnf("call %s: the IVR did not answer %s (%s)", sipCallId, next.get("type"), e.getMessage());
                    if (!callerGone) {
                        outcome = "ivr-unavailable";
                        apologize();
                    }
                    break;
                }
                if (callerGone) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "call %s failed", sipCallId);
            outcome = "error";
        } finally {
            finish();
        }
    }

    // ------------------------------------------------------------------------------------------------ a turn

    /** Plays a turn's actions; the event to post next, or null when the call is over. */
    private Map<String, Object> perform(JsonNode turn) throws Interrupt {
        state = turn.path("state").asText("IVR");
        JsonNode actions = turn.path("actions");
        boolean gatherFollows = false;
        for (JsonNode a : actions) {
            gatherFollows |= "gather".equals(a.path("type").asText());
        }
        StringBuilder typed = new StringBuilder();
        for (JsonNode a : actions) {
            String type = a.path("type").asText();
            switch (type) {
                case "say" -> {
                    if (!bridged() && typed.isEmpty()) {
                        Clip clip = a.hasNonNull("text") ? s.tts().speak(a.path("text").asText(), a.path("language").asText(null))
                                : s.prompts().clip(a.path("prompt").asText(null));
                        playAndWait(clip, gatherFollows, typed);
                    }
                }
                case "play" -> {
                    if (!bridged() && typed.isEmpty()) {
                        Clip clip = s.prompts().clip(a.path("prompt").asText(null));
                        if ("QUEUED".equals(state)) {
                            caller.loop(clip, tokens.incrementAndGet()); // music under the wait, not waited for
                        } else {
                            playAndWait(clip, gatherFollows, typed);
                        }
                    }
                }
                case "gather" -> {
                    return gather(a.path("maxDigits").asInt(1), a.path("timeoutSeconds").asInt(5), typed);
                }
                case "enqueued" -> state = "QUEUED";
                case "bridge" -> {
                    return connected(a.path("agentId").asText(null));
                }
                case "hangup" -> {
                    hangUp("ivr-hangup");
                    return null;
                }
                case "record" -> voicemail(a.path("mailbox").asText(null));
                case "transfer" -> {
                    transfer(a.path("to").asText(""));
                    return null;
                }
                default -> LOG.debugf("call %s: unknown action %s", sipCallId, type);
            }
        }
        if ("ENDED".equals(state)) {
            hangUp("ivr-ended");
            return null;
        }
        if ("CONNECTED".equals(state)) {
            return connected(null);
        }
        if (bridged()) {
            // the phone answered and routing took the accept; the IVR learns of it from routing's event in a moment
            pause(200);
        }
        return event("played");
    }

    private boolean bridged() {
        return agent != null && agent.answered && !agent.ended;
    }

    /** Plays {@code clip} to its end; with a gather to come, a key cuts it short and counts as the first key. */
    private void playAndWait(Clip clip, boolean bargeIn, StringBuilder typed) throws Interrupt {
        long token = tokens.incrementAndGet();
        caller.play(clip, false, token);
        if (!prompted) {
            prompted = true; // INVITE to the first prompt frame: what the caller waits through in silence
            s.metrics().timer("cc_voice_call_setup_seconds", "until", "first-prompt")
                    .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(clip.millis() + 2000);
        while (true) {
            Signal sig = next(deadline);
            if (sig == null || sig instanceof Signal.PlayDone d && d.token() == token) {
                return;
            }
            if (sig instanceof Signal.Key k && bargeIn) {
                caller.stopPlayback();
                typed.append(k.key());
                return;
            }
            common(sig);
            if (bridged()) {
                return;
            }
        }
    }

    private Map<String, Object> gather(int maxDigits, int timeoutSeconds, StringBuilder typed) throws Interrupt {
        StringBuilder keys = new StringBuilder(typed);
        long interDigit = s.config().interDigitTimeout().toNanos();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, timeoutSeconds));
        long lastKey = keys.isEmpty() ? 0 : System.nanoTime();
        while (true) {
            if (!keys.isEmpty() && (keys.length() >= maxDigits || keys.charAt(keys.length() - 1) == '#')) {
                return digits(keys);
            }
            if (bridged()) {
                return event("played");
            }
            long until = keys.isEmpty() ? deadline : lastKey + interDigit;
            Signal sig = next(until);
            if (sig == null) {
                return keys.isEmpty() ? event("timeout") : digits(keys);
            }
            if (sig instanceof Signal.Key k) {
                keys.append(k.key());
                lastKey = System.nanoTime();
                continue;
            }
            common(sig);
        }
    }

    /** Caller and agent are connected: wait for either side (or the desk) to end it. */
    private Map<String, Object> connected(String agentId) throws Interrupt {
        if (agent != null && agent.answered && !agent.ended && !caller.isBridged()) {
            caller.bridge(agent.media);
        }
        if (!bridged() && agentId != null && agent == null) {
            LOG.debugf("call %s: agent %s took it at the desk, no phone of theirs rang", sipCallId, agentId);
        }
        caller.stopPlayback();
        while (true) {
            Signal sig = next(Long.MAX_VALUE);
            if (sig instanceof Signal.DeskCompleted) {
                return event("agent-ended");
            }
            common(sig);
        }
    }

    /**
     * What may happen at any point of a call: the caller hangs up, routing offers the call to an agent, the agent's
     * phone answers, declines or hangs up.
     */
    private void common(Signal sig) throws Interrupt {
        if (sig instanceof Signal.CallerGone) {
            callerGone = true;
            outcome = "caller-hung-up";
            if (agent != null) {
                AgentLeg a = agent;
                if (a.answered && !a.ended) {
                    a.ended = true;
                    media.unbridged(caller, a.media);
                    s.calls().endAgent(a);
                    complete();
                } else if (!a.answered) {
                    s.calls().cancelAgent(a);
                }
            }
            throw new Interrupt(event("hangup"));
        }
        if (sig instanceof Signal.Offer o) {
            ring(o.offer());
        } else if (sig instanceof Signal.AgentAnswered a && a.leg() == agent) {
            answered(a.leg());
        } else if (sig instanceof Signal.AgentFailed f && f.leg() == agent) {
            agent = null;
            f.leg().media.close();
            if (f.status() == 486 || f.status() == 600 || f.status() == 603 || f.status() == 480) {
                s.metrics().counter("cc_voice_agent_rings_total", "result", "declined").increment();
                reject(f.leg());
            } else {
                s.metrics().counter("cc_voice_agent_rings_total", "result", f.status() == 487 ? "rang-out" : "failed").increment();
            }
        } else if (sig instanceof Signal.RingTimeout t && t.leg() == agent && !t.leg().answered) {
            s.calls().cancelAgent(t.leg()); // routing times the offer out and offers the call again
        } else if (sig instanceof Signal.AgentGone g && g.leg() == agent) {
            media.unbridged(caller, g.leg().media);
            caller.unbridge();
            stopRecording();
            g.leg().media.close();
            s.metrics().counter("cc_voice_agent_calls_total", "ended_by", "agent").increment();
            agent = null;
            complete();
            throw new Interrupt(event("agent-ended"));
        }
    }

    /**
     * A message after the tone: the caller's audio until '#', two minutes, or the hang-up (the usual way a message
     * ends), then stored and attached to the contact's CRM interaction like a call recording.
     */
    private void voicemail(String mailbox) throws Interrupt {
        CallRecorder.Active message = s.recorder().startVoicemail(sipCallId, contactId, mailbox);
        if (message == null) {
            return;
        }
        long token = tokens.incrementAndGet();
        caller.play(BEEP, false, token);
        caller.record(message.recording(), true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (true) {
                Signal sig = next(deadline);
                if (sig == null || sig instanceof Signal.Key k && k.key() == '#') {
                    return;
                }
                if (!(sig instanceof Signal.Key) && !(sig instanceof Signal.PlayDone)) {
                    common(sig);
                }
            }
        } finally {
            caller.record(null, true);
            s.recorder().finish(message);
        }
    }

    /**
     * The IVR's transfer out of the center (its session has ended as "transferred"): the number is called through the
     * outbound trunk (a SIP URI is called as it is) presenting the caller's number, and the two are bridged until either
     * hangs up. A target that declines or does not answer within the dial timeout gets the caller an apology.
     */
    private void transfer(String to) {
        String uri = to.startsWith("sip:") ? to
                : s.config().dial().trunkUri().filter(t -> to.startsWith("+")).map(t -> t.replace("{number}", to)).orElse(null);
        if (uri == null) {
            LOG.warnf("call %s: cannot transfer to '%s' (a +E.164 number needs cc.voice.dial.trunk-uri)", sipCallId, to);
            transferred("failed");
            return;
        }
        Leg target = s.media().open();
        PlacedLeg leg = new PlacedLeg(target, (l, status) -> signal(new Signal.Transfer(l, status)));
        try {
            leg.invite = s.sip().invite(uri, from == null || from.isBlank() ? "anonymous" : from, to, Sdp.offer(target.address(), target.port()));
            s.calls().indexOutbound(leg);
            long deadline = System.nanoTime() + s.config().dial().timeout().toNanos();
            while (true) {
                Signal sig = signals.poll(leg.answered ? s.config().rtp().timeout().toMillis() : Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                        TimeUnit.MILLISECONDS);
                if (sig == null && !leg.answered) {
                    s.sip().cancel(leg.invite);
                    transferred("no-answer");
                    return;
                }
                if (sig == null && callerSilentMillis() > s.config().rtp().timeout().toMillis()) {
                    s.sip().bye(leg.dialog); // the caller's media died while transferred
                    transferred("connected");
                    return;
                }
                if (sig instanceof Signal.Transfer t && t.leg() == leg && t.status() == 200) {
                    caller.bridge(target);
                } else if (sig instanceof Signal.Transfer t && t.leg() == leg) {
                    transferred(t.status() == 0 ? "connected" : "failed");
                    return;
                } else if (sig instanceof Signal.CallerGone) {
                    callerGone = true;
                    if (leg.answered) {
                        s.sip().bye(leg.dialog);
                    } else {
                        s.sip().cancel(leg.invite);
                    }
                    transferred(leg.answered ? "connected" : "abandoned");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transferred("failed");
        } catch (Exception e) {
            LOG.warnf("call %s: transfer to %s failed (%s)", sipCallId, uri, e.getMessage());
            transferred("failed");
        } finally {
            caller.unbridge();
            target.close();
            s.calls().removeOutbound(leg);
        }
    }

    /** How a transfer went; the caller of one that never connected hears why before the line closes. */
    private void transferred(String result) {
        s.metrics().counter("cc_voice_transfers_total", "result", result).increment();
        outcome = "transfer-" + result;
        if (!"connected".equals(result) && !callerGone) {
            say("We are sorry, we could not connect your call. Please try again later.");
        }
    }

    private static final Clip BEEP = beep();

    private static Clip beep() {
        short[] pcm = new short[2400]; // 300 ms at 1 kHz
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (6000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        return new Clip(pcm);
    }

    private void stopRecording() {
        if (recording != null) {
            caller.record(null, true);
            s.recorder().finish(recording);
            recording = null;
        }
    }

    private void ring(ContactOffered offer) {
        if (agent != null || callerGone) {
            return;
        }
        Phones.Binding phone;
        try {
            phone = s.phones().binding(offer.agentId());
        } catch (RuntimeException e) {
            LOG.warnf("call %s: no registration lookup for %s (%s)", sipCallId, offer.agentId(), e.getMessage());
            return;
        }
        if (phone == null) {
            return; // the agent works without a phone (desk only): the desk answers
        }
        Leg media = s.media().open();
        AgentLeg leg = new AgentLeg(this, offer.agentId(), offer.offerId(), media);
        try {
            leg.invite = s.sip().invite(phone.contactUri(), from == null ? "anonymous" : from, offer.agentId(),
                    Sdp.offer(media.address(), media.port()));
            agent = leg;
            s.calls().indexOutbound(leg);
            long ringMillis = Math.min(s.config().ringTimeout().toMillis(),
                    Math.max(1000, Duration.between(Instant.now(), offer.expiresAt()).toMillis() - 500));
            s.timers().schedule(() -> signal(new Signal.RingTimeout(leg)), ringMillis, TimeUnit.MILLISECONDS);
            s.metrics().counter("cc_voice_agent_rings_total", "result", "rung").increment();
        } catch (Exception e) {
            LOG.warnf("call %s: could not ring %s at %s (%s)", sipCallId, offer.agentId(), phone.contactUri(), e.getMessage());
            media.close();
        }
    }

    private void answered(AgentLeg leg) {
        try {
            s.edge().accept(leg.offerId, leg.agentId).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.infof("call %s: %s answered but the offer is gone (%s)", sipCallId, leg.agentId, e.getMessage());
            leg.ended = true;
            s.calls().endAgent(leg);
            leg.media.close();
            agent = null;
            return;
        }
        caller.bridge(leg.media);
        media.bridged(leg.agentId, caller);
        recording = s.recorder().start(sipCallId, contactId, leg.agentId, from);
        if (recording != null) {
            caller.record(recording.recording(), true);
            leg.media.record(recording.recording(), false);
        }
        s.log().agent(this, leg.agentId);
        s.metrics().counter("cc_voice_agent_rings_total", "result", "answered").increment();
    }

    private void reject(AgentLeg leg) {
        try {
            s.edge().reject(leg.offerId, leg.agentId).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.infof("call %s: reject of offer %s not taken (%s)", sipCallId, leg.offerId, e.getMessage());
        }
    }

    private void complete() {
        try {
            s.edge().complete(contactId).await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warnf("call %s: routing did not take the completion of %s (%s)", sipCallId, contactId, e.getMessage());
        }
    }

    private Signal next(long deadlineNanos) throws Interrupt {
        try {
            if (deadlineNanos == Long.MAX_VALUE) {
                while (true) {
                    Signal sig = signals.poll(Math.min(5000, s.config().rtp().timeout().toMillis()), TimeUnit.MILLISECONDS);
                    if (sig != null) {
                        return sig;
                    }
                    deadCheck();
                }
            }
            long wait = deadlineNanos - System.nanoTime();
            Signal sig = wait <= 0 ? signals.poll() : signals.poll(wait, TimeUnit.NANOSECONDS);
            deadCheck();
            return sig;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callerGone = true;
            throw new Interrupt(event("hangup"));
        }
    }

    /**
     * No media from the caller for the RTP timeout, or no session refresh in the negotiated interval (RFC 4028): the
     * call is dead (a crashed phone, a lost network, a trunk that forgot the call).
     */
    private void deadCheck() throws Interrupt {
        SessionTimer t = timer;
        if (t.seconds() > 0 && (System.nanoTime() - refreshedNanos) / 1_000_000 > t.expiresAfterMillis()) {
            LOG.infof("call %s: no session refresh in %d s, ending it", sipCallId, t.seconds());
            s.metrics().counter("cc_voice_calls_dead_total").increment();
            outcome = "session-expired";
            hangUp("session-expired");
            common(new Signal.CallerGone());
        }
        long silentFor = callerSilentMillis();
        if (silentFor > s.config().rtp().timeout().toMillis()) {
            LOG.infof("call %s: no RTP for %d ms, ending it", sipCallId, silentFor);
            s.metrics().counter("cc_voice_calls_dead_total").increment();
            outcome = "rtp-timeout";
            hangUp("rtp-timeout");
            common(new Signal.CallerGone());
        }
    }

    /** How long the caller's media has been silent: since its last packet, or since the call began if none came. */
    private long callerSilentMillis() {
        StreamStats.Snapshot in = caller.stats();
        return in.packets() == 0 ? (System.nanoTime() - startedNanos) / 1_000_000 : in.sinceLastPacketMillis();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apologize() {
        say("We are sorry, we cannot take your call right now. Please try again later.");
        hangUp(outcome);
    }

    /** Speaks {@code text} to its end (or until the caller hangs up), whatever state the call is in. */
    private void say(String text) {
        try {
            Clip clip = s.tts().speak(text, "en");
            long token = tokens.incrementAndGet();
            caller.play(clip, false, token);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(clip.millis() + 1000);
            while (System.nanoTime() < deadline) {
                Signal sig = signals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (sig == null || sig instanceof Signal.PlayDone) {
                    return;
                }
                if (sig instanceof Signal.CallerGone) {
                    callerGone = true;
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf("message not played: %s", e.getMessage());
        }
    }

    private void hangUp(String why) {
        if (ended) {
            return;
        }
        ended = true;
        if (!callerGone && dialog != null) {
            s.sip().bye(dialog);
        }
        if (outcome.equals("ended")) {
            outcome = why;
        }
    }

    private void finish() {
        hangUp(outcome);
        stopRecording();
        if (agent != null && !agent.ended) {
            if (agent.answered) {
                media.unbridged(caller, agent.media);
                s.calls().endAgent(agent);
            } else {
                s.calls().cancelAgent(agent);
            }
            agent.media.close();
        }
        s.log().ended(s.quality().callEnded(sipCallId, contactId, null, "INBOUND", outcome, media, caller.stats()));
        caller.close();
        s.calls().remove(this);
        s.metrics().counter("cc_voice_calls_total", "outcome", outcome).increment();
    }

    private static Map<String, Object> event(String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        return e;
    }

    private static Map<String, Object> digits(CharSequence keys) {
        Map<String, Object> e = event("digits");
        e.put("digits", keys.toString());
        return e;
    }
}

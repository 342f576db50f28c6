package io.contactcenter.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call through the IVR, as the telephony edge plays it: it posts the call, plays what the IVR says and answers
 * its questions by their words (the menu by key or by speech, a serial number, self-service status, the survey, a
 * callback offer on hold), then holds until an agent answers or its patience runs out.
 */
final class IvrCaller extends Caller {

    private final String dialled;
    private final String edge;
    private String sessionId;

    IvrCaller(Traffic traffic, long seed, String number, String dialled) {
        super(traffic, seed, number);
        this.dialled = dialled;
        this.edge = traffic.api().token("telephony", "simulator-edge");
    }

    @Override
    protected void call() {
        try {
            walk();
        } catch (Api.ApiException e) {
            // the edge gave up on the IVR: it hangs up, so the contact ends instead of staying in the IVR forever
            if (sessionId != null) {
                try {
                    event(Map.of("type", "hangup"));
                } catch (Api.ApiException alsoFailed) {
                    // reported below
                }
            }
            throw e;
        }
    }

    private void walk() {
        String callId = traffic.newContactId();
        double sent = traffic.now();
        JsonNode turn = traffic.api().call("ivr", "POST", "/ivr/calls", edge, Map.of("callId", callId, "from", number, "to", dialled));
        sessionId = turn.path("sessionId").asText();
        for (int steps = 0; steps < 30; steps++) {
            String state = turn.path("state").asText();
            if ("ENDED".equals(state)) {
                traffic.counters().endedInIvr.incrementAndGet();
                return;
            }
            if ("QUEUED".equals(state)) {
                hold(turn, sent);
                return;
            }
            sent = traffic.now();
            turn = answer(turn);
        }
        traffic.error("call " + callId + " still in the IVR after 30 steps: " + turn);
        event(Map.of("type", "hangup"));
    }

    /** The caller's reply to what the IVR just said, chosen by its words. */
    private JsonNode answer(JsonNode turn) {
        String said = said(turn);
        boolean asked = false;
        for (JsonNode action : turn.path("actions")) {
            asked |= "gather".equals(action.path("type").asText());
        }
        if (!asked) {
            return event(Map.of("type", "played"));
        }
        double dice = random.nextDouble();
        if (said.contains("press 1 or say repair")) { // the main menu
            if (dice < 0.15) {
                return event(Map.of("type", "speech", "speech", Map.of("text", "my tyre is broken", "confidence", 0.9)));
            }
            return digits(dice < 0.55 ? "1" : dice < 0.8 ? "2" : dice < 0.93 ? "3" : "0");
        }
        if (said.contains("serial number")) {
            return digits(String.format(Locale.ROOT, "%08d#", random.nextInt(100_000_000)));
        }
        if (said.contains("if that answers your question")) { // self-service status
            return digits(dice < 0.6 ? "1" : "2");
        }
        if (said.contains("how satisfied")) {
            traffic.counters().surveys.incrementAndGet();
            return digits(String.valueOf(dice < 0.5 ? 5 : dice < 0.75 ? 4 : dice < 0.9 ? 3 : 1 + random.nextInt(2)));
        }
        if (said.contains("called back")) {
            return digits("1");
        }
        return event(Map.of("type", "timeout"));
    }

    private void hold(JsonNode turn, double enteredAt) {
        String contactId = turn.path("contactId").asText();
        Call call = traffic.call(contactId);
        String queueId = null;
        for (JsonNode action : turn.path("actions")) {
            if ("enqueued".equals(action.path("type").asText())) {
                queueId = action.path("queueId").asText();
            }
        }
        call.entered(queueId, enteredAt);
        traffic.counters().enqueued.incrementAndGet();
        JsonNode[] last = {turn};
        boolean answered = awaitAnswer(call, enteredAt, traffic.plan().holdPollSeconds(), () -> {
            // the edge plays the hold treatment and comes back for more; a callback offer may be taken up
            last[0] = event(Map.of("type", "played"));
            if (said(last[0]).contains("called back without losing your place") && random.nextDouble() < traffic.plan().callbackShare()) {
                last[0] = digits("1");
            }
        });
        if ("ENDED".equals(last[0].path("state").asText())) {
            traffic.counters().callbacksBooked.incrementAndGet();
            return;
        }
        if (!answered) {
            call.hungUp(traffic.now());
            event(Map.of("type", "hangup"));
            // an accept already on its way to routing may still win: give it a moment before counting an abandon
            try {
                call.answered.get(2, TimeUnit.SECONDS);
                awaitCompletion(call);
            } catch (TimeoutException | ExecutionException gone) {
                traffic.counters().abandoned.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        // the IVR learns of the answer from routing's event; the edge bridges once it has
        for (int i = 0; i < 100 && !"CONNECTED".equals(last[0].path("state").asText()); i++) {
            Traffic.sleep(100);
            last[0] = event(Map.of("type", "played"));
        }
        awaitCompletion(call);
        if (!"CONNECTED".equals(last[0].path("state").asText())) {
            traffic.error("IVR never bridged " + contactId + ": " + last[0]);
            return;
        }
        JsonNode after = event(Map.of("type", "agent-ended"));
        for (int steps = 0; steps < 5 && !"ENDED".equals(after.path("state").asText()); steps++) {
            after = answer(after);
        }
    }

    private JsonNode digits(String keys) {
        return event(Map.of("type", "digits", "digits", keys));
    }

    private JsonNode event(Map<String, Object> event) {
        return traffic.api().call("ivr", "POST", "/ivr/calls/" + sessionId + "/events", edge, event);
    }

    private static String said(JsonNode turn) {
        StringBuilder text = new StringBuilder();
        for (JsonNode action : turn.path("actions")) {
            text.append(action.path("text").asText("")).append(' ');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}

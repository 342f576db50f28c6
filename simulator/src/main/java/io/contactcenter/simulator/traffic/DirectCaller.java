package io.contactcenter.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call the telephony edge puts straight into a queue ({@code POST /routing/contacts}). */
final class DirectCaller extends Caller {

    private final String queueId;
    private final int priority;

    DirectCaller(Traffic traffic, long seed, String number, String queueId, int priority) {
        super(traffic, seed, number);
        this.queueId = queueId;
        this.priority = priority;
    }

    @Override
    protected void call() {
        String edge = traffic.api().token("telephony", "simulator-edge");
        String contactId = traffic.newContactId();
        Call call = traffic.call(contactId);
        Map<String, Object> enqueue = new LinkedHashMap<>();
        enqueue.put("contactId", contactId);
        enqueue.put("queueId", queueId);
        enqueue.put("channel", "VOICE");
        enqueue.put("priority", priority);
        enqueue.put("attributes", Map.of("callerNumber", number));
        double enteredAt = traffic.now();
        call.entered(queueId, enteredAt);
        JsonNode contact = traffic.api().call("routing", "POST", "/routing/contacts", edge, enqueue);
        if (!"QUEUED".equals(contact.path("state").asText()) && !"OFFERED".equals(contact.path("state").asText())
                && !"CONNECTED".equals(contact.path("state").asText())) {
            traffic.counters().overflowed.incrementAndGet();
            return;
        }
        traffic.counters().enqueued.incrementAndGet();
        // what the caller would be told on entry: position and estimated wait
        Api.Reply now = traffic.api().send("routing", "GET", "/routing/contacts/" + contactId, edge, null);
        if (now.ok() && now.body().hasNonNull("position")) {
            call.estimate(now.body().path("position").asInt(),
                    now.body().hasNonNull("estimatedWaitSeconds") ? now.body().path("estimatedWaitSeconds").asDouble() : null);
        }
        if (awaitAnswer(call, enteredAt, 3600, null)) {
            awaitCompletion(call);
            return;
        }
        double hangUp = traffic.now();
        Api.Reply gone = traffic.api().send("routing", "DELETE", "/routing/contacts/" + contactId, edge, null);
        if (gone.ok()) {
            call.hungUp(hangUp);
            traffic.counters().abandoned.incrementAndGet();
        } else if (gone.status() == 409) {
            // an agent took the call as the caller gave up: it is answered, and handled to the end
            awaitCompletion(call);
        } else {
            traffic.error("hang-up of " + contactId + " answered " + gone.status() + ": " + gone.body());
        }
    }
}

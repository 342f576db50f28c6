package io.contactcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.routing.agent.AgentRepository;
import io.contactcenter.routing.agent.AgentRow;
import io.contactcenter.routing.contact.ContactRepository;
import io.contactcenter.routing.contact.ContactRow;
import io.contactcenter.routing.offer.Dispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Invariant 3 on the real database: after one routing pass over a random mix of queues, skills, channels and
 * capacities, no waiting contact has an eligible agent with spare capacity, and no agent holds more than
 * its capacity.
 */
@QuarkusTest
@RoutingStack
class RoutingPassInvariantTest {

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Inject
    AgentRepository agents;

    @Inject
    ContactRepository contacts;

    @AfterEach
    void resume() {
        dispatcher.resume();
    }

    @Test
    void noIdleEligibleAgentWhileAMatchingContactWaitsAfterOnePass() {
        dispatcher.pause();
        Random rnd = new Random(11);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> queues = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queues.add(AcdFlowTest.queue(i == 1 ? "{\"strategy\":\"BEST_SKILL_MATCH\"}" : "{}"));
        }
        List<String> agentIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "inv-" + run + "-" + i;
            String q1 = queues.get(rnd.nextInt(3));
            String q2 = queues.get(rnd.nextInt(3));
            String capacity = rnd.nextBoolean() ? "{\"VOICE\":1}" : "{\"VOICE\":1,\"CHAT\":" + (1 + rnd.nextInt(3)) + "}";
            Fixtures.agent(id, "{\"skills\":{\"s\":" + (1 + rnd.nextInt(5)) + "},\"queues\":{\"" + q1
                    + "\":{\"level\":1,\"penalty\":0,\"weight\":1},\"" + q2 + "\":{\"level\":2,\"penalty\":"
                    + rnd.nextInt(2) + ",\"weight\":1}},\"capacity\":" + capacity + "}");
            if (rnd.nextInt(10) < 8) {
                Fixtures.state(id, "AVAILABLE", null).statusCode(200);
            }
            agentIds.add(id);
        }
        for (int i = 0; i < 90; i++) {
            String channel = rnd.nextBoolean() ? "VOICE" : "CHAT";
            Fixtures.enqueue("{\"contactId\":\"inv-" + run + "-c" + i + "\",\"queueId\":\"" + queues.get(rnd.nextInt(3))
                    + "\",\"channel\":\"" + channel + "\",\"priority\":" + rnd.nextInt(3)
                    + ",\"requiredSkills\":{\"s\":" + (1 + rnd.nextInt(5)) + "}}").statusCode(201);
        }

        int offered = dispatcher.passOnce().await().atMost(Duration.ofSeconds(30));
        assertThat(offered).isPositive();
        assertThat(dispatcher.passOnce().await().atMost(Duration.ofSeconds(30)))
                .as("a second pass finds nothing the first one missed").isZero();

        Instant now = Instant.now();
        List<AgentRow> available = agents.routable(pool, now).await().atMost(Duration.ofSeconds(10)).stream()
                .filter(a -> agentIds.contains(a.id)).toList();
        List<ContactRow> waiting = contacts.waiting(pool, 10_000).await().atMost(Duration.ofSeconds(10)).stream()
                .filter(c -> queues.contains(c.queueId)).toList();
        assertThat(waiting).as("the mix leaves some contacts waiting, or the check proves nothing").isNotEmpty();
        for (ContactRow c : waiting) {
            for (AgentRow a : available) {
                var snapshot = a.snapshot();
                boolean eligible = a.profile.queues().containsKey(c.queueId) && snapshot.meets(c.requiredSkills)
                        && snapshot.hasCapacityFor(c.channel);
                assertThat(eligible).as("%s idle with capacity while %s waits in %s", a.id, c.id, c.queueId).isFalse();
            }
        }
        // capacity from the offers table itself, not from the counters the pass maintains
        var rows = pool.preparedQuery("select o.agent_id, o.channel, count(*) as live from routing_offer o"
                + " where o.status in ('PENDING', 'ACCEPTED') and o.agent_id like $1 group by o.agent_id, o.channel")
                .execute(Tuple.of("inv-" + run + "-%")).await().atMost(Duration.ofSeconds(10));
        rows.forEach(r -> {
            AgentRow a = agents.find(pool, r.getString("agent_id")).await().atMost(Duration.ofSeconds(5));
            int cap = a.profile.capacity().getOrDefault(io.contactcenter.events.Channel.valueOf(r.getString("channel")), 0);
            assertThat(r.getLong("live")).as("live offers of %s on %s", a.id, r.getString("channel")).isLessThanOrEqualTo(cap);
        });
    }
}

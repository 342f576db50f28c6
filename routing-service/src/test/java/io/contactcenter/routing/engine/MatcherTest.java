package io.contactcenter.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatcherTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    final Matcher matcher = new Matcher(new Random(7));

    /**
     * Three agents in queue q, one voice contact. Ann: idle longest, 5 contacts, 900 s talk, level 2,
     * billing 2. Bob: idle 30 s, 1 contact, 400 s talk, level 1, billing 5. Cid: idle 60 s, 3 contacts,
     * 100 s talk, level 3, billing 3.
     */
    static Stream<Arguments> whoGetsTheContact() {
        return Stream.of(
                Arguments.of(Strategy.LONGEST_IDLE, null, "ann"),
                Arguments.of(Strategy.FEWEST_CONTACTS, null, "bob"),
                Arguments.of(Strategy.LEAST_TALK_TIME, null, "cid"),
                Arguments.of(Strategy.TOP_DOWN, null, "bob"),
                Arguments.of(Strategy.BEST_SKILL_MATCH, null, "bob"),
                Arguments.of(Strategy.ROUND_ROBIN, null, "ann"),
                Arguments.of(Strategy.ROUND_ROBIN, "ann", "bob"),
                Arguments.of(Strategy.ROUND_ROBIN, "bob", "cid"),
                Arguments.of(Strategy.ROUND_ROBIN, "cid", "ann"));
    }

    @ParameterizedTest(name = "{0} after {1} offers to {2}")
    @MethodSource
    void whoGetsTheContact(Strategy strategy, String lastOffered, String expected) {
        List<AgentSnapshot> agents = List.of(
                agent("ann", 600, 5, 900, 2, 0, Map.of("billing", 2)),
                agent("bob", 30, 1, 400, 1, 0, Map.of("billing", 5)),
                agent("cid", 60, 3, 100, 3, 0, Map.of("billing", 3)));
        Map<String, String> rr = new HashMap<>();
        if (lastOffered != null) {
            rr.put("q", lastOffered);
        }
        List<Assignment> out = matcher.match(List.of(contact("c1", "q", 0, 10, Map.of("billing", 1))),
                Map.of("q", queue(strategy)), agents, rr, NOW);
        assertThat(out).extracting(Assignment::agentId).containsExactly(expected);
        assertThat(rr).containsEntry("q", expected);
    }

    @Test
    void weightedRandomFollowsMembershipWeights() {
        List<AgentSnapshot> agents = List.of(
                agentWithWeight("heavy", 9), agentWithWeight("light", 1));
        int heavy = 0;
        for (int i = 0; i < 2000; i++) {
            List<Assignment> out = matcher.match(List.of(contact("c", "q", 0, 1, Map.of())),
                    Map.of("q", queue(Strategy.WEIGHTED_RANDOM)), agents, new HashMap<>(), NOW);
            heavy += out.get(0).agentId().equals("heavy") ? 1 : 0;
        }
        assertThat(heavy).isBetween(1700, 1900);
    }

    @Test
    void higherPriorityFirstThenOldestVirtualStart() {
        List<WaitingContact> contacts = List.of(
                contact("old-low", "q", 1, 300, Map.of()),
                contact("new-high", "q", 5, 5, Map.of()),
                contact("mid-low", "q", 1, 100, Map.of()));
        List<Assignment> out = matcher.match(contacts, Map.of("q", queue(Strategy.LONGEST_IDLE)),
                List.of(agent("a1", 10, 0, 0, 1, 0, Map.of()), agent("a2", 20, 0, 0, 1, 0, Map.of())),
                new HashMap<>(), NOW);
        assertThat(out).extracting(a -> a.contact().id()).containsExactly("new-high", "old-low");
        assertThat(out).extracting(Assignment::agentId).containsExactly("a2", "a1");
    }

    @Test
    void callbackThatKeptItsPlaceGoesBeforeLaterCallers() {
        WaitingContact callback = new WaitingContact("cb", "q", Channel.CALLBACK, 0, NOW.minusSeconds(900),
                NOW.minusSeconds(2), Map.of(), null, null, Map.of());
        List<Assignment> out = matcher.match(List.of(contact("caller", "q", 0, 120, Map.of()), callback),
                Map.of("q", queue(Strategy.LONGEST_IDLE)), List.of(agent("a", 1, 0, 0, 1, 0, Map.of())),
                new HashMap<>(), NOW);
        assertThat(out).extracting(a -> a.contact().id()).containsExactly("cb");
    }

    @Test
    void agentInTwoQueuesGetsOldestContactAcrossThemAtEqualPriority() {
        AgentSnapshot both = new AgentSnapshot("both", Map.of(), Map.of("a", Membership.standard(),
                "b", Membership.standard()), Map.of(Channel.VOICE, 1), Map.of(), NOW.minusSeconds(5), 0, 0);
        List<Assignment> out = matcher.match(
                List.of(contact("in-a", "a", 0, 40, Map.of()), contact("in-b", "b", 0, 90, Map.of())),
                Map.of("a", queue(Strategy.LONGEST_IDLE), "b", queue(Strategy.LONGEST_IDLE)), List.of(both),
                new HashMap<>(), NOW);
        assertThat(out).extracting(a -> a.contact().id()).containsExactly("in-b");
    }

    @Test
    void priorityAgingLetsALongWaiterOvertakeAFreshHigherPriority() {
        QueueDefinition aging = new QueueDefinition(null, null, null, null, null, null, null, null, null, 60,
                null, null, null, null, null, null);
        List<Assignment> out = matcher.match(
                List.of(contact("fresh-p3", "q", 3, 1, Map.of()), contact("waited-p0", "q", 0, 250, Map.of())),
                Map.of("q", aging), List.of(agent("a", 1, 0, 0, 1, 0, Map.of())), new HashMap<>(), NOW);
        assertThat(out).extracting(a -> a.contact().id()).containsExactly("waited-p0");
    }

    @Test
    void skillsBelowMinimumAreNotEligibleUntilRelaxationLowersTheBar() {
        QueueDefinition bullseye = new QueueDefinition(null, null, null, null, null, null, null, null, null, null,
                null, List.of(new RelaxationStep(30, "french", 2), new RelaxationStep(90, "*", null)), null, null,
                null, null);
        AgentSnapshot junior = agent("junior", 100, 0, 0, 1, 0, Map.of("french", 2));
        assertThat(matcher.match(List.of(contact("c", "q", 0, 10, Map.of("french", 4))),
                Map.of("q", bullseye), List.of(junior), new HashMap<>(), NOW)).isEmpty();
        assertThat(matcher.match(List.of(contact("c", "q", 0, 31, Map.of("french", 4))),
                Map.of("q", bullseye), List.of(junior), new HashMap<>(), NOW)).hasSize(1);
        AgentSnapshot noFrench = agent("nofrench", 100, 0, 0, 1, 0, Map.of());
        assertThat(matcher.match(List.of(contact("c", "q", 0, 31, Map.of("french", 4))),
                Map.of("q", bullseye), List.of(noFrench), new HashMap<>(), NOW)).isEmpty();
        assertThat(matcher.match(List.of(contact("c", "q", 0, 95, Map.of("french", 4))),
                Map.of("q", bullseye), List.of(noFrench), new HashMap<>(), NOW)).hasSize(1);
    }

    @Test
    void lowerPenaltyAgentsGoFirstEvenIfOthersIdleLonger() {
        AgentSnapshot backup = new AgentSnapshot("backup", Map.of(), Map.of("q", new Membership(1, 5, 1)),
                Map.of(Channel.VOICE, 1), Map.of(), NOW.minusSeconds(3000), 0, 0);
        AgentSnapshot primary = agent("primary", 10, 0, 0, 1, 0, Map.of());
        List<Assignment> out = matcher.match(
                List.of(contact("c1", "q", 0, 20, Map.of()), contact("c2", "q", 0, 10, Map.of())),
                Map.of("q", queue(Strategy.LONGEST_IDLE)), List.of(backup, primary), new HashMap<>(), NOW);
        assertThat(out).extracting(Assignment::agentId).containsExactly("primary", "backup");
    }

    @Test
    void oneVoiceOrThreeChatsNeverMore() {
        AgentSnapshot multi = new AgentSnapshot("m", Map.of(), Map.of("q", Membership.standard()),
                Map.of(Channel.VOICE, 1, Channel.CHAT, 3), Map.of(), NOW.minusSeconds(5), 0, 0);
        List<WaitingContact> chats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chats.add(chat("chat" + i, 100 - i));
        }
        List<Assignment> out = matcher.match(chats, Map.of("q", queue(Strategy.LONGEST_IDLE)), List.of(multi),
                new HashMap<>(), NOW);
        assertThat(out).hasSize(3);

        AgentSnapshot onOneChat = new AgentSnapshot("m", Map.of(), Map.of("q", Membership.standard()),
                Map.of(Channel.VOICE, 1, Channel.CHAT, 3), Map.of(Channel.CHAT, 1), NOW.minusSeconds(5), 0, 0);
        assertThat(matcher.match(List.of(contact("voice", "q", 0, 50, Map.of())),
                Map.of("q", queue(Strategy.LONGEST_IDLE)), List.of(onOneChat), new HashMap<>(), NOW)).isEmpty();

        AgentSnapshot onVoice = new AgentSnapshot("m", Map.of(), Map.of("q", Membership.standard()),
                Map.of(Channel.VOICE, 1, Channel.CHAT, 3), Map.of(Channel.VOICE, 1), NOW.minusSeconds(5), 0, 0);
        assertThat(matcher.match(List.of(chat("chat", 50)), Map.of("q", queue(Strategy.LONGEST_IDLE)),
                List.of(onVoice), new HashMap<>(), NOW)).isEmpty();
    }

    @Test
    void preferredAgentIsWaitedForUntilThePreferenceExpires() {
        AgentSnapshot other = agent("other", 500, 0, 0, 1, 0, Map.of());
        WaitingContact wantsLast = new WaitingContact("c", "q", Channel.VOICE, 0, NOW.minusSeconds(10),
                NOW.minusSeconds(10), Map.of(), "last-agent", NOW.plusSeconds(20), Map.of());
        assertThat(matcher.match(List.of(wantsLast), Map.of("q", queue(Strategy.LONGEST_IDLE)), List.of(other),
                new HashMap<>(), NOW)).isEmpty();
        assertThat(matcher.match(List.of(wantsLast), Map.of("q", queue(Strategy.LONGEST_IDLE)),
                List.of(other, agent("last-agent", 1, 0, 0, 1, 0, Map.of())), new HashMap<>(), NOW))
                .extracting(Assignment::agentId).containsExactly("last-agent");
        assertThat(matcher.match(List.of(wantsLast), Map.of("q", queue(Strategy.LONGEST_IDLE)), List.of(other),
                new HashMap<>(), NOW.plusSeconds(21))).extracting(Assignment::agentId).containsExactly("other");
    }

    @Test
    void agentWhoRejectedIsSkippedDuringTheCooldown() {
        WaitingContact rejected = new WaitingContact("c", "q", Channel.VOICE, 0, NOW.minusSeconds(10),
                NOW.minusSeconds(10), Map.of(), null, null, Map.of("ann", NOW.plusSeconds(5)));
        List<AgentSnapshot> agents = List.of(agent("ann", 900, 0, 0, 1, 0, Map.of()), agent("bob", 1, 0, 0, 1, 0, Map.of()));
        assertThat(matcher.match(List.of(rejected), Map.of("q", queue(Strategy.LONGEST_IDLE)), agents,
                new HashMap<>(), NOW)).extracting(Assignment::agentId).containsExactly("bob");
    }

    @Test
    void noEligibleAgentLeftIdleWhileAMatchingContactWaits() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<AgentSnapshot> agents = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Map<String, Membership> m = new HashMap<>();
                m.put("q" + rnd.nextInt(3), new Membership(1 + rnd.nextInt(3), rnd.nextInt(2), 1));
                m.put("q" + rnd.nextInt(3), Membership.standard());
                agents.add(new AgentSnapshot("a" + i, Map.of("s", 1 + rnd.nextInt(5)), m,
                        Map.of(Channel.VOICE, 1, Channel.CHAT, rnd.nextInt(3)), Map.of(),
                        NOW.minusSeconds(rnd.nextInt(100)), 0, 0));
            }
            List<WaitingContact> contacts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                contacts.add(new WaitingContact("c" + i, "q" + rnd.nextInt(3),
                        rnd.nextBoolean() ? Channel.VOICE : Channel.CHAT, rnd.nextInt(3),
                        NOW.minusSeconds(rnd.nextInt(300)), NOW.minusSeconds(rnd.nextInt(60)),
                        Map.of("s", 1 + rnd.nextInt(5)), null, null, Map.of()));
            }
            Map<String, QueueDefinition> queues = Map.of("q0", queue(Strategy.LONGEST_IDLE),
                    "q1", queue(Strategy.ROUND_ROBIN), "q2", queue(Strategy.BEST_SKILL_MATCH));
            List<Assignment> out = matcher.match(contacts, queues, agents, new HashMap<>(), NOW);

            Map<String, AgentSnapshot> after = new HashMap<>();
            agents.forEach(a -> after.put(a.id(), a));
            out.forEach(a -> after.put(a.agentId(), after.get(a.agentId()).withOneMore(a.contact().channel())));
            for (AgentSnapshot a : after.values()) {
                for (var e : a.load().entrySet()) {
                    assertThat(e.getValue()).isLessThanOrEqualTo(a.capacity().getOrDefault(e.getKey(), 0));
                }
            }
            var assigned = out.stream().map(a -> a.contact().id()).toList();
            assertThat(assigned).doesNotHaveDuplicates();
            for (WaitingContact c : contacts) {
                if (assigned.contains(c.id())) {
                    continue;
                }
                for (AgentSnapshot a : after.values()) {
                    boolean eligible = a.memberships().containsKey(c.queueId()) && a.meets(c.requiredSkills())
                            && a.hasCapacityFor(c.channel());
                    assertThat(eligible).as("round %d: %s idle for waiting %s", round, a.id(), c.id()).isFalse();
                }
            }
        }
    }

    static QueueDefinition queue(Strategy s) {
        return new QueueDefinition(null, s, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static AgentSnapshot agent(String id, int idleSeconds, int handled, double talk, int level, int penalty,
            Map<String, Integer> skills) {
        return new AgentSnapshot(id, skills, Map.of("q", new Membership(level, penalty, 1)),
                Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1), Map.of(), NOW.minusSeconds(idleSeconds), handled, talk);
    }

    static AgentSnapshot agentWithWeight(String id, int weight) {
        return new AgentSnapshot(id, Map.of(), Map.of("q", new Membership(1, 0, weight)),
                Map.of(Channel.VOICE, 1), Map.of(), NOW, 0, 0);
    }

    static WaitingContact contact(String id, String queue, int priority, int waitedSeconds,
            Map<String, Integer> skills) {
        Instant start = NOW.minusSeconds(waitedSeconds);
        return new WaitingContact(id, queue, Channel.VOICE, priority, start, start, skills, null, null, Map.of());
    }

    static WaitingContact chat(String id, int waitedSeconds) {
        Instant start = NOW.minusSeconds(waitedSeconds);
        return new WaitingContact(id, "q", Channel.CHAT, 0, start, start, Map.of(), null, null, Map.of());
    }
}

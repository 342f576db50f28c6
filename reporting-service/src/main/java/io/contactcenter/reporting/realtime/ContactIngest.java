package io.contactcenter.reporting.realtime;

import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.TypedEvent;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactOverflowed;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactSurveyCompleted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a poll's {@code cc.contacts} events set-wise: one statement per kind of change instead of one per event.
 * Events of one contact keep their order by going in rounds (round k holds each contact's k-th event), so the
 * result equals applying the events one by one. Per-queue day counters and per-agent handled counts are summed in
 * memory first and written once per batch, in key order so concurrent batches lock rows in the same order.
 */
@ApplicationScoped
public class ContactIngest {

    private final EventCodec codec;
    /** Answered within this many seconds counts for the real-time service level. */
    private final double serviceLevelSeconds;

    public ContactIngest(EventCodec codec,
            @ConfigProperty(name = "cc.reporting.service-level-seconds", defaultValue = "20") double serviceLevelSeconds) {
        this.codec = codec;
        this.serviceLevelSeconds = serviceLevelSeconds;
    }

    /** A contact change as the read model needs it. */
    private record Change(String type, Object data) {
    }

    /**
     * Reads a poll's records into typed events: the CPU-heavy part, meant to run off the event loop. Records that
     * are not CloudEvents go to {@code unreadable} and are left out.
     */
    public List<TypedEvent> decode(List<String> records, Consumer<String> unreadable) {
        List<TypedEvent> events = new ArrayList<>(records.size());
        for (String json : records) {
            try {
                events.add(codec.readTyped(json, ContactIngest::payloadType));
            } catch (IllegalArgumentException e) {
                unreadable.accept(e.getMessage());
            }
        }
        return events;
    }

    /** Runs in the inbox transaction; {@code rejected} is told of events whose payload does not fit their type. */
    public Uni<Void> applyAll(List<TypedEvent> events, SqlClient tx, Consumer<TypedEvent> rejected) {
        Map<String, List<Change>> byContact = new LinkedHashMap<>();
        Counters counters = new Counters();
        for (TypedEvent e : events) {
            if (e.problem() != null) {
                rejected.accept(e);
                continue;
            }
            boolean transfer = EventTypes.CONTACT_TRANSFERRED.equals(e.type());
            if (e.data() == null && !transfer) {
                continue; // a type the read model does not use (decode skipped its payload)
            }
            Change change = new Change(e.type(), transfer ? e.subject() : e.data());
            byContact.computeIfAbsent(String.valueOf(e.subject()), k -> new ArrayList<>()).add(change);
            counters.add(change, serviceLevelSeconds);
        }
        var contacts = byContact.values();
        int rounds = contacts.stream().mapToInt(List::size).max().orElse(0);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int k = 0; k < rounds; k++) {
            int round = k;
            chain = chain.chain(() -> round(tx, contacts.stream()
                    .filter(list -> list.size() > round).map(list -> list.get(round)).toList()));
        }
        return chain.chain(() -> counters.write(tx));
    }

    /**
     * The payload class of the contact events the read model uses; null for the others, and for a transfer, of which
     * only the subject counts (its payload is not read, as before typed decoding).
     */
    private static Class<?> payloadType(String type) {
        return switch (type) {
            case EventTypes.CONTACT_QUEUED -> ContactQueued.class;
            case EventTypes.CONTACT_ANSWERED -> ContactAnswered.class;
            case EventTypes.CONTACT_ABANDONED -> ContactAbandoned.class;
            case EventTypes.CONTACT_COMPLETED -> ContactCompleted.class;
            case EventTypes.CONTACT_OVERFLOWED -> ContactOverflowed.class;
            case EventTypes.CONTACT_CANCELLED -> ContactCancelled.class;
            case EventTypes.CONTACT_SURVEY_COMPLETED -> ContactSurveyCompleted.class;
            default -> null;
        };
    }

    /** One round: every contact at most once, so the statements touch disjoint rows and run pipelined. */
    private static Uni<Void> round(SqlClient tx, List<Change> changes) {
        Map<String, List<Object>> byType = new LinkedHashMap<>();
        changes.forEach(c -> byType.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c.data()));
        List<Uni<Void>> statements = new ArrayList<>();
        byType.forEach((type, data) -> statements.add(write(tx, type, data)));
        return statements.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(statements).andFailFast().replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    private static Uni<Void> write(SqlClient tx, String type, List<Object> data) {
        return switch (type) {
            case EventTypes.CONTACT_QUEUED -> {
                List<ContactQueued> q = (List<ContactQueued>) (List<?>) data;
                // a later contact.queued is the same contact entering a queue again (transfer, overflow)
                yield run(tx, "insert into rpt_contact (contact_id, queue_id, channel, state, queued_at, virtual_start_time,"
                        + " estimated_wait) select u.id, u.q, u.ch, 'WAITING', u.at, u.vst, u.ewt from unnest($1::varchar[],"
                        + " $2::varchar[], $3::varchar[], $4::timestamptz[], $5::timestamptz[], $6::float8[])"
                        + " as u(id, q, ch, at, vst, ewt) on conflict (contact_id) do update set queue_id = excluded.queue_id,"
                        + " channel = excluded.channel, state = 'WAITING', queued_at = excluded.queued_at,"
                        + " virtual_start_time = excluded.virtual_start_time, estimated_wait = excluded.estimated_wait,"
                        + " ended_at = null, left_at = null",
                        strings(q, ContactQueued::contactId), strings(q, ContactQueued::queueId),
                        strings(q, x -> x.channel().name()), times(q, ContactQueued::queuedAt),
                        times(q, ContactQueued::virtualStartTime), doubles(q, ContactQueued::estimatedWaitSeconds));
            }
            case EventTypes.CONTACT_ANSWERED -> {
                List<ContactAnswered> a = (List<ContactAnswered>) (List<?>) data;
                yield run(tx, "update rpt_contact c set state = 'ANSWERED', ended_at = u.at, left_at = u.at,"
                        + " wait_seconds = u.w, agent_id = u.agent from unnest($1::varchar[], $2::timestamptz[],"
                        + " $3::float8[], $4::varchar[]) as u(id, at, w, agent) where c.contact_id = u.id",
                        strings(a, ContactAnswered::contactId), times(a, ContactAnswered::answeredAt),
                        doubles(a, ContactAnswered::waitSeconds), strings(a, ContactAnswered::agentId));
            }
            case EventTypes.CONTACT_ABANDONED -> {
                List<ContactAbandoned> a = (List<ContactAbandoned>) (List<?>) data;
                yield run(tx, "update rpt_contact c set state = 'ABANDONED', ended_at = u.at, left_at = u.at,"
                        + " wait_seconds = u.w from unnest($1::varchar[], $2::timestamptz[], $3::float8[]) as u(id, at, w)"
                        + " where c.contact_id = u.id",
                        strings(a, ContactAbandoned::contactId), times(a, ContactAbandoned::abandonedAt),
                        doubles(a, ContactAbandoned::waitSeconds));
            }
            case EventTypes.CONTACT_COMPLETED -> {
                List<ContactCompleted> c = (List<ContactCompleted>) (List<?>) data;
                yield run(tx, "update rpt_contact c set state = 'COMPLETED', ended_at = u.at, handle_seconds = u.h"
                        + " from unnest($1::varchar[], $2::timestamptz[], $3::float8[]) as u(id, at, h)"
                        + " where c.contact_id = u.id",
                        strings(c, ContactCompleted::contactId), times(c, ContactCompleted::completedAt),
                        doubles(c, x -> x.talkSeconds() + x.holdSeconds() + x.wrapUpSeconds()));
            }
            case EventTypes.CONTACT_OVERFLOWED -> {
                // a move to another queue is followed by contact.queued there; until then the contact has left this one
                List<ContactOverflowed> o = ((List<ContactOverflowed>) (List<?>) data).stream()
                        .filter(x -> !"WIDEN_SKILLS".equals(x.action())).toList();
                yield o.isEmpty() ? Uni.createFrom().voidItem()
                        : run(tx, "update rpt_contact c set state = 'OVERFLOWED', ended_at = u.at, left_at = u.at,"
                                + " wait_seconds = u.w from unnest($1::varchar[], $2::timestamptz[], $3::float8[])"
                                + " as u(id, at, w) where c.contact_id = u.id and c.state = 'WAITING'",
                                strings(o, ContactOverflowed::contactId), times(o, ContactOverflowed::overflowedAt),
                                doubles(o, ContactOverflowed::waitSeconds));
            }
            case EventTypes.CONTACT_CANCELLED -> {
                List<ContactCancelled> c = (List<ContactCancelled>) (List<?>) data;
                yield run(tx, "update rpt_contact c set state = 'CANCELLED', ended_at = u.at, left_at = u.at"
                        + " from unnest($1::varchar[], $2::timestamptz[]) as u(id, at)"
                        + " where c.contact_id = u.id and c.state = 'WAITING'",
                        strings(c, ContactCancelled::contactId), times(c, ContactCancelled::cancelledAt));
            }
            case EventTypes.CONTACT_SURVEY_COMPLETED -> {
                List<ContactSurveyCompleted> s = (List<ContactSurveyCompleted>) (List<?>) data;
                yield run(tx, "update rpt_contact c set csat = u.score from unnest($1::varchar[], $2::int2[])"
                        + " as u(id, score) where c.contact_id = u.id",
                        strings(s, ContactSurveyCompleted::contactId),
                        s.stream().map(x -> (short) x.score()).toArray(Short[]::new));
            }
            case EventTypes.CONTACT_TRANSFERRED -> run(tx, "update rpt_contact set transfers = transfers + 1"
                    + " where contact_id = any($1::varchar[])", (Object) data.stream().map(String::valueOf).toArray(String[]::new));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The sums one batch adds to the queue-day and agent counters. */
    private static final class Counters {
        /** queue → day → [offered, answered, answered within T, abandoned]. */
        private final Map<String, Map<LocalDate, long[]>> queues = new TreeMap<>();
        /** queue → day → latest queued contact's estimate and time. */
        private final Map<String, Map<LocalDate, Object[]>> lastEstimate = new TreeMap<>();
        /** agent → day → contacts completed, with the latest completion. */
        private final Map<String, Map<LocalDate, Object[]>> handled = new TreeMap<>();

        void add(Change c, double threshold) {
            switch (c.type()) {
                case EventTypes.CONTACT_QUEUED -> {
                    ContactQueued q = (ContactQueued) c.data();
                    count(q.queueId(), q.queuedAt(), 0);
                    Object[] last = lastEstimate.computeIfAbsent(q.queueId(), k -> new TreeMap<>())
                            .computeIfAbsent(day(q.queuedAt()), k -> new Object[] {null, Instant.MIN});
                    if (!q.queuedAt().isBefore((Instant) last[1])) {
                        last[0] = q.estimatedWaitSeconds();
                        last[1] = q.queuedAt();
                    }
                }
                case EventTypes.CONTACT_ANSWERED -> {
                    ContactAnswered a = (ContactAnswered) c.data();
                    count(a.queueId(), a.answeredAt(), 1);
                    if (a.waitSeconds() <= threshold) {
                        count(a.queueId(), a.answeredAt(), 2);
                    }
                }
                case EventTypes.CONTACT_ABANDONED -> {
                    ContactAbandoned a = (ContactAbandoned) c.data();
                    if (a.queueId() != null) {
                        count(a.queueId(), a.abandonedAt(), 3);
                    }
                }
                case EventTypes.CONTACT_COMPLETED -> {
                    ContactCompleted done = (ContactCompleted) c.data();
                    if (done.agentId() != null) {
                        Object[] h = handled.computeIfAbsent(done.agentId(), k -> new TreeMap<>())
                                .computeIfAbsent(day(done.completedAt()), k -> new Object[] {0L, done.completedAt()});
                        h[0] = (Long) h[0] + 1;
                    }
                }
                default -> { }
            }
        }

        private void count(String queue, Instant at, int i) {
            queues.computeIfAbsent(queue, k -> new TreeMap<>()).computeIfAbsent(day(at), k -> new long[4])[i]++;
        }

        Uni<Void> write(SqlClient tx) {
            List<Object[]> rows = new ArrayList<>();
            queues.forEach((queue, days) -> days.forEach((day, n) -> {
                Object[] last = lastEstimate.getOrDefault(queue, Map.of()).get(day);
                rows.add(new Object[] {queue, day, n[0], n[1], n[2], n[3], last == null ? null : last[0],
                        last == null ? null : utc((Instant) last[1])});
            }));
            Uni<Void> queueDays = rows.isEmpty() ? Uni.createFrom().voidItem()
                    : run(tx, "insert into rpt_queue_day as d (queue_id, day, offered, answered, answered_within, abandoned,"
                            + " last_ewt, last_queued_at) select * from unnest($1::varchar[], $2::date[], $3::int4[],"
                            + " $4::int4[], $5::int4[], $6::int4[], $7::float8[], $8::timestamptz[]) order by 1, 2"
                            + " on conflict (queue_id, day) do update set offered = d.offered + excluded.offered,"
                            + " answered = d.answered + excluded.answered,"
                            + " answered_within = d.answered_within + excluded.answered_within,"
                            + " abandoned = d.abandoned + excluded.abandoned,"
                            + " last_ewt = case when excluded.last_queued_at >= d.last_queued_at or d.last_queued_at is null"
                            + " then excluded.last_ewt else d.last_ewt end,"
                            + " last_queued_at = greatest(d.last_queued_at, excluded.last_queued_at)",
                            column(rows, 0, String[]::new), column(rows, 1, LocalDate[]::new),
                            ints(rows, 2), ints(rows, 3), ints(rows, 4), ints(rows, 5),
                            column(rows, 6, Double[]::new), column(rows, 7, OffsetDateTime[]::new));
            // one statement per day present (almost always one), so an agent appears once per statement
            Map<LocalDate, List<Object[]>> agentsByDay = new TreeMap<>();
            handled.forEach((agent, days) -> days.forEach((day, h) -> agentsByDay.computeIfAbsent(day, k -> new ArrayList<>())
                    .add(new Object[] {agent, day, ((Long) h[0]).intValue(), utc((Instant) h[1])})));
            Uni<Void> agents = queueDays;
            for (List<Object[]> day : agentsByDay.values()) {
                agents = agents.chain(() -> run(tx, "insert into rpt_agent as a (agent_id, state, state_since, handled_day,"
                        + " contacts_handled) select u.agent, 'UNKNOWN', u.at, u.day, u.n from unnest($1::varchar[],"
                        + " $2::date[], $3::int4[], $4::timestamptz[]) as u(agent, day, n, at) order by 1"
                        + " on conflict (agent_id) do update set contacts_handled = case"
                        + " when a.handled_day = excluded.handled_day then a.contacts_handled + excluded.contacts_handled"
                        + " when a.handled_day is null or a.handled_day < excluded.handled_day then excluded.contacts_handled"
                        + " else a.contacts_handled end,"
                        + " handled_day = greatest(a.handled_day, excluded.handled_day)",
                        column(day, 0, String[]::new), column(day, 1, LocalDate[]::new), ints(day, 2),
                        column(day, 3, OffsetDateTime[]::new)));
            }
            return agents;
        }

        /** The UTC day, without the {@code ZoneRules} that {@code atOffset(UTC)} builds on every call on Java 17. */
        private static LocalDate day(Instant t) {
            return LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond(), 86_400));
        }
    }

    private static <T> String[] strings(List<T> list, java.util.function.Function<T, String> f) {
        return list.stream().map(f).toArray(String[]::new);
    }

    private static <T> OffsetDateTime[] times(List<T> list, java.util.function.Function<T, Instant> f) {
        return list.stream().map(x -> utc(f.apply(x))).toArray(OffsetDateTime[]::new);
    }

    private static <T> Double[] doubles(List<T> list, java.util.function.Function<T, Double> f) {
        return list.stream().map(f).toArray(Double[]::new);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int i, java.util.function.IntFunction<T[]> array) {
        return rows.stream().map(r -> (T) r[i]).toArray(array);
    }

    private static Integer[] ints(List<Object[]> rows, int i) {
        return rows.stream().map(r -> ((Number) r[i]).intValue()).toArray(Integer[]::new);
    }

    private static Uni<Void> run(SqlClient tx, String sql, Object... args) {
        return tx.preparedQuery(sql).execute(Tuple.from(Arrays.asList(args))).replaceWithVoid();
    }
}

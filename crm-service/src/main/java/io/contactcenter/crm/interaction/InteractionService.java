package io.contactcenter.crm.interaction;

import io.contactcenter.events.Ids;
import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the timeline and keeps recordings linked to contacts and cases. */
@ApplicationScoped
public class InteractionService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String RECORDING_COLUMNS = "id, interaction_id, case_id, uri, media_type, duration_seconds,"
            + " recorded_at, metadata::text as metadata";

    private final Pool pool;
    private final ObjectMapper mapper;

    public InteractionService(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** Newest first; recordings come along. */
    public Uni<List<InteractionView>> timeline(String customerId, Instant from, Instant to, int limit) {
        return pool.preparedQuery("select * from crm_interaction where customer_id = $1 and started_at >= $2"
                        + " and started_at < $3 order by started_at desc limit $4")
                .execute(Tuple.of(customerId, utc(from), utc(to), limit))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    String[] ids = list.stream().map(r -> r.getString("id")).toArray(String[]::new);
                    return recordings(pool, "interaction_id = any($1)", ids).chain(recs -> transcripts(pool, ids)
                            .map(lines -> list.stream().map(r -> view(r, recs.getOrDefault(r.getString("id"), List.of()),
                                    lines.getOrDefault(r.getString("id"), List.of()))).toList()));
                });
    }

    public Uni<InteractionView> find(String interactionId) {
        return pool.preparedQuery("select * from crm_interaction where id = $1").execute(Tuple.of(interactionId))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem()
                        : recordings(pool, "interaction_id = any($1)", new String[] {interactionId})
                                .chain(recs -> transcripts(pool, new String[] {interactionId})
                                        .map(lines -> view(rows.iterator().next(), recs.getOrDefault(interactionId,
                                                List.of()), lines.getOrDefault(interactionId, List.of())))));
    }

    public Uni<List<RecordingView>> recordingsOfCase(SqlClient client, String caseId) {
        return client.preparedQuery("select " + RECORDING_COLUMNS + " from crm_recording where case_id = $1 order by recorded_at")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<RecordingView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(recording(r)));
                    return list;
                });
    }

    /**
     * Links a stored recording to its contact and/or case. Both must belong to the same customer, and that customer
     * must not have withdrawn consent to recording.
     */
    public Uni<RecordingView> attach(RecordingRequest r) {
        if (r.interactionId() == null && r.caseId() == null) {
            return Uni.createFrom().failure(new BadRequestException("Give interactionId, caseId or both."));
        }
        String id = Ids.newId();
        return pool.withTransaction(tx -> tx.preparedQuery("select"
                        + " (select customer_id from crm_interaction where id = $1) as by_interaction,"
                        + " (select customer_id from crm_case where id = $2) as by_case")
                .execute(Tuple.of(String.valueOf(r.interactionId()), String.valueOf(r.caseId())))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    String byInteraction = row.getString("by_interaction");
                    String byCase = row.getString("by_case");
                    if (r.interactionId() != null && byInteraction == null) {
                        return Uni.createFrom().failure(new NotFoundException("No interaction '" + r.interactionId() + "'."));
                    }
                    if (r.caseId() != null && byCase == null) {
                        return Uni.createFrom().failure(new NotFoundException("No case '" + r.caseId() + "'."));
                    }
                    if (byInteraction != null && byCase != null && !byInteraction.equals(byCase)) {
                        return Uni.createFrom().failure(new ClientErrorException(
                                "Interaction and case belong to different customers.", 409));
                    }
                    String customerId = byInteraction != null ? byInteraction : byCase;
                    return tx.preparedQuery("insert into crm_recording (id, customer_id, interaction_id, case_id, uri,"
                                    + " media_type, duration_seconds, recorded_at, metadata)"
                                    + " select $1, c.id, $3, $4, $5, $6, $7, $8, $9::text::jsonb from crm_customer c"
                                    + " where c.id = $2 and c.recording_ok and c.erased_at is null")
                            .execute(Tuple.from(Arrays.asList(id, customerId, r.interactionId(), r.caseId(), r.uri(),
                                    r.mediaType(), r.durationSeconds(), utc(r.recordedAt()),
                                    write(r.metadata() == null ? Map.of() : r.metadata()))))
                            .chain(inserted -> inserted.rowCount() == 1
                                    ? Uni.createFrom().item(new RecordingView(id, r.interactionId(), r.caseId(), r.uri(),
                                            r.mediaType(), r.durationSeconds(), r.recordedAt(),
                                            r.metadata() == null ? Map.of() : r.metadata()))
                                    : Uni.createFrom().failure(new ClientErrorException("Customer " + customerId
                                            + " has withdrawn consent to recording (or was erased); nothing stored.", 409)));
                }));
    }

    private Uni<Map<String, List<RecordingView>>> recordings(SqlClient client, String where, String[] ids) {
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select " + RECORDING_COLUMNS + " from crm_recording where " + where
                        + " order by recorded_at")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<String, List<RecordingView>> by = new LinkedHashMap<>();
                    rows.forEach(r -> by.computeIfAbsent(r.getString("interaction_id"), k -> new ArrayList<>()).add(recording(r)));
                    return by;
                });
    }

    /**
     * Stores the handling agent's disposition and notes on the contact's interaction, {@code by} whom. An agent
     * ({@code ownOnly}) may wrap up only what it handled; supervisors and admins any. Null when there is no such
     * interaction (yet: it is built from the contact's events, so it may trail the desk by a moment).
     */
    public Uni<InteractionView> wrapUp(String interactionId, String by, boolean ownOnly, WrapUpRequest request, Instant now) {
        return pool.withTransaction(tx -> tx.preparedQuery("select agent_id from crm_interaction where id = $1 for update")
                .execute(Tuple.of(interactionId)).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().<Boolean>nullItem();
                    }
                    String handler = rows.iterator().next().getString("agent_id");
                    if (ownOnly && !by.equals(handler)) {
                        return Uni.createFrom().failure(new ClientErrorException("Interaction '" + interactionId
                                + "' is not recorded as handled by you" + (handler == null ? " (yet: try again)" : "")
                                + "; agents wrap up only their own contacts.", 409));
                    }
                    return tx.preparedQuery("update crm_interaction set disposition = $2, wrap_notes = $3, wrapped_by = $4,"
                                    + " wrapped_at = $5, updated_at = $5 where id = $1")
                            .execute(Tuple.of(interactionId, request.disposition(), request.notes(), by, utc(now)))
                            .replaceWith(true);
                })).chain(done -> done == null ? Uni.createFrom().nullItem() : find(interactionId));
    }

    private static Uni<Map<String, List<InteractionView.TranscriptLine>>> transcripts(SqlClient client, String[] ids) {
        return client.preparedQuery("select interaction_id, seq, direction, author, body, sent_at from crm_message"
                        + " where interaction_id = any($1) order by interaction_id, seq")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<String, List<InteractionView.TranscriptLine>> by = new HashMap<>();
                    rows.forEach(r -> by.computeIfAbsent(r.getString("interaction_id"), k -> new ArrayList<>())
                            .add(new InteractionView.TranscriptLine(r.getLong("seq"), r.getString("direction"),
                                    r.getString("author"), r.getString("body"), instant(r, "sent_at"))));
                    return by;
                });
    }

    private RecordingView recording(Row r) {
        return new RecordingView(r.getString("id"), r.getString("interaction_id"), r.getString("case_id"),
                r.getString("uri"), r.getString("media_type"), r.getDouble("duration_seconds"), instant(r, "recorded_at"),
                read(r.getString("metadata")));
    }

    private static InteractionView view(Row r, List<RecordingView> recordings,
            List<InteractionView.TranscriptLine> transcript) {
        return new InteractionView(r.getString("id"), r.getString("kind"), r.getString("channel"), r.getString("queue_id"),
                r.getString("agent_id"), r.getString("issue"), instant(r, "started_at"), instant(r, "ended_at"),
                r.getString("outcome"), r.getDouble("wait_seconds"), r.getDouble("handle_seconds"),
                r.getInteger("transfers"), r.getString("ivr_outcome"),
                r.getShort("csat") == null ? null : r.getShort("csat").intValue(), r.getString("repeat_of"),
                r.getString("parent_id"), recordings, r.getString("disposition"), r.getString("wrap_notes"),
                r.getString("wrapped_by"), instant(r, "wrapped_at"), transcript);
    }

    private String write(Map<String, Object> map) {
        try {
            return mapper.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("metadata is not JSON: " + e.getOriginalMessage());
        }
    }

    private Map<String, Object> read(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable metadata column", e);
        }
    }
}

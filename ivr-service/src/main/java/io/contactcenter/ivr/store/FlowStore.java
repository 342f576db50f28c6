package io.contactcenter.ivr.store;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.problem.Problem;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.ivr.flow.FlowDocument;
import io.contactcenter.ivr.flow.FlowFormat;
import io.contactcenter.ivr.flow.FlowValidator;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versioned flows: an upload (validated first) becomes the draft; publishing freezes it and makes it active; a
 * rollback makes an earlier published version active again. Calls run the version active when they started.
 */
@ApplicationScoped
public class FlowStore {

    /** Published versions never change, so parsed documents are cached by (flow, version). */
    private final Map<String, FlowDocument> published = new ConcurrentHashMap<>();
    private final Pool pool;
    private final Clock clock;

    public FlowStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A flow that does not parse or validate, with every problem. */
    public static final class InvalidFlow extends RuntimeException {
        public final transient List<Problem.FieldError> errors;

        public InvalidFlow(String message, List<Problem.FieldError> errors) {
            super(message);
            this.errors = errors;
        }
    }

    public static FlowDocument parseAndValidate(String source, boolean yaml) {
        FlowDocument flow;
        try {
            flow = FlowFormat.parse(source, yaml);
        } catch (IllegalArgumentException e) {
            throw new InvalidFlow(e.getMessage(), List.of());
        }
        List<FlowValidator.Problem> problems = FlowValidator.validate(flow);
        if (!problems.isEmpty()) {
            throw new InvalidFlow(problems.size() + " problem(s) in the flow; see errors.", problems.stream()
                    .map(p -> new Problem.FieldError(p.node() == null ? "flow" : "nodes." + p.node(), p.message())).toList());
        }
        return flow;
    }

    /** Stores a validated upload as the flow's draft (a new version number unless a draft exists). */
    public Uni<FlowVersionView> saveDraft(String flowId, String source, boolean yaml, String by) {
        FlowDocument flow = parseAndValidate(source, yaml);
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> tx.preparedQuery("insert into ivr_flow (flow_id, updated_at) values ($1, $2)"
                        + " on conflict (flow_id) do update set updated_at = excluded.updated_at")
                .execute(Tuple.of(flowId, utc(now)))
                .chain(() -> tx.preparedQuery("select coalesce(max(version), 0) + 1 as next,"
                        + " max(version) filter (where status = 'DRAFT') as draft from ivr_flow_version where flow_id = $1")
                        .execute(Tuple.of(flowId)))
                .chain(rows -> {
                    Row r = rows.iterator().next();
                    Integer draft = r.getInteger("draft");
                    int version = draft != null ? draft : r.getInteger("next");
                    return tx.preparedQuery("insert into ivr_flow_version (flow_id, version, status, format, source, created_at,"
                                    + " created_by) values ($1, $2, 'DRAFT', $3, $4, $5, $6) on conflict (flow_id, version) do update"
                                    + " set format = excluded.format, source = excluded.source, created_at = excluded.created_at,"
                                    + " created_by = excluded.created_by")
                            .execute(Tuple.of(flowId, version, yaml ? "yaml" : "json", source, utc(now), by))
                            .replaceWith(new FlowVersionView(flowId, version, "DRAFT", false, yaml ? "yaml" : "json", now, by,
                                    null, flow));
                }));
    }

    public Uni<FlowVersionView> publish(String flowId) {
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> tx.preparedQuery("update ivr_flow_version set status = 'PUBLISHED', published_at = $2"
                        + " where flow_id = $1 and status = 'DRAFT' returning version").execute(Tuple.of(flowId, utc(now)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return exists(flowId).chain(exists -> Uni.createFrom().failure(exists
                                ? new ClientErrorException("Flow '" + flowId + "' has no draft to publish; upload one with PUT.", 409)
                                : new NotFoundException("No flow '" + flowId + "'.")));
                    }
                    int version = rows.iterator().next().getInteger(0);
                    return tx.preparedQuery("update ivr_flow set active_version = $2, updated_at = $3 where flow_id = $1")
                            .execute(Tuple.of(flowId, version, utc(now))).replaceWith(version);
                }))
                .chain(version -> version(flowId, version));
    }

    /** Makes an earlier published version active again. */
    public Uni<FlowVersionView> rollback(String flowId, int version) {
        return pool.withTransaction(tx -> tx.preparedQuery("update ivr_flow f set active_version = $2, updated_at = $3"
                        + " from ivr_flow_version v where f.flow_id = $1 and v.flow_id = f.flow_id and v.version = $2"
                        + " and v.status = 'PUBLISHED' returning f.flow_id").execute(Tuple.of(flowId, version, utc(Sql.now(clock))))
                .map(rows -> rows.size() == 1))
                .chain(done -> done ? version(flowId, version)
                        : Uni.createFrom().failure(new ClientErrorException("Flow '" + flowId + "' has no published version "
                                + version + " to roll back to.", 409)));
    }

    /** The active version, or a given one; null if there is none. */
    public Uni<FlowVersionView> version(String flowId, Integer version) {
        String sql = "select v.*, f.active_version from ivr_flow_version v join ivr_flow f on f.flow_id = v.flow_id"
                + " where v.flow_id = $1 and v.version = " + (version == null ? "f.active_version" : "$2");
        Tuple args = version == null ? Tuple.of(flowId) : Tuple.of(flowId, version);
        return pool.preparedQuery(sql).execute(args).map(rows -> rows.size() == 0 ? null : view(rows.iterator().next(), true));
    }

    public Uni<List<FlowVersionView>> versions(String flowId) {
        return pool.preparedQuery("select v.*, f.active_version from ivr_flow_version v join ivr_flow f on f.flow_id = v.flow_id"
                        + " where v.flow_id = $1 order by v.version").execute(Tuple.of(flowId))
                .map(rows -> {
                    List<FlowVersionView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(view(r, false)));
                    return list;
                });
    }

    /** Each flow with its active version (null before the first publish) and its draft, if any. */
    public Uni<List<Map<String, Object>>> list() {
        return pool.query("select f.flow_id, f.active_version, f.updated_at, (select version from ivr_flow_version d"
                        + " where d.flow_id = f.flow_id and d.status = 'DRAFT') as draft from ivr_flow f order by f.flow_id")
                .execute().map(rows -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    rows.forEach(r -> {
                        Map<String, Object> m = new java.util.LinkedHashMap<>();
                        m.put("flowId", r.getString("flow_id"));
                        m.put("activeVersion", r.getInteger("active_version"));
                        m.put("draftVersion", r.getInteger("draft"));
                        m.put("updatedAt", instant(r, "updated_at"));
                        list.add(m);
                    });
                    return list;
                });
    }

    /** A published version already parsed, or null (then read it with {@link #version}). */
    public FlowDocument cached(String flowId, int version) {
        return published.get(flowId + "@" + version);
    }

    /** The document a call runs: a published version, parsed once. */
    public FlowDocument published(String flowId, int version, String source, String format) {
        return published.computeIfAbsent(flowId + "@" + version, k -> FlowFormat.parse(source, "yaml".equals(format)));
    }

    private Uni<Boolean> exists(String flowId) {
        return pool.preparedQuery("select 1 from ivr_flow where flow_id = $1").execute(Tuple.of(flowId)).map(r -> r.size() > 0);
    }

    private FlowVersionView view(Row r, boolean withDocument) {
        Integer active = r.getInteger("active_version");
        int version = r.getInteger("version");
        String format = r.getString("format");
        FlowDocument doc = !withDocument ? null : "PUBLISHED".equals(r.getString("status"))
                ? published(r.getString("flow_id"), version, r.getString("source"), format)
                : FlowFormat.parse(r.getString("source"), "yaml".equals(format));
        return new FlowVersionView(r.getString("flow_id"), version, r.getString("status"), active != null && active == version,
                format, instant(r, "created_at"), r.getString("created_by"), instant(r, "published_at"), doc);
    }
}

package io.contactcenter.crm.casework;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.crm.casework.CaseView.CaseEventView;
import io.contactcenter.crm.interaction.RecordingView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@ApplicationScoped
public class CaseRepository {

    /** The columns a status change needs, read under a row lock so two changes serialise. */
    public record Locked(String id, String customerId, CaseStatus status, String partnerId, String productLine,
            String region, Instant slaDueAt) {
    }

    public Uni<Void> insert(SqlClient tx, String id, CaseRequest r, Instant slaDueAt, Instant now) {
        return tx.preparedQuery("insert into crm_case (id, customer_id, contact_id, category, priority, product_line,"
                        + " region, subject, description, status, sla_due_at, created_at, updated_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'REGISTERED', $10, $11, $11)")
                .execute(Tuple.from(Arrays.asList(id, r.customerId(), r.contactId(), r.category().name(),
                        r.priorityOrDefault().name(), r.productLine(), r.region(), r.subject(), r.description(),
                        utc(slaDueAt), utc(now))))
                .replaceWithVoid();
    }

    public Uni<Locked> lock(SqlClient tx, String id) {
        return tx.preparedQuery("select id, customer_id, status, partner_id, product_line, region, sla_due_at"
                        + " from crm_case where id = $1 for update")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Locked(r.getString("id"), r.getString("customer_id"), CaseStatus.valueOf(r.getString("status")),
                            r.getString("partner_id"), r.getString("product_line"), r.getString("region"),
                            instant(r, "sla_due_at"));
                });
    }

    public Uni<Void> setStatus(SqlClient tx, String id, CaseStatus status, String partnerId, String delayReason, Instant now) {
        return tx.preparedQuery("update crm_case set status = $2::varchar, partner_id = $3, delay_reason = $4, updated_at = $5,"
                        + " resolved_at = case when $2::varchar = 'RESOLVED' then $5 when $2::varchar = 'CLOSED' then resolved_at"
                        + " else null end,"
                        + " version = version + 1 where id = $1")
                .execute(Tuple.from(Arrays.asList(id, status.name(), partnerId, delayReason, utc(now))))
                .replaceWithVoid();
    }

    public Uni<Void> history(SqlClient tx, String id, CaseStatus status, String actor, String partnerId, String note,
            String delayReason, Instant now) {
        return tx.preparedQuery("insert into crm_case_event (case_id, at, status, actor, partner_id, note, delay_reason)"
                        + " values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(Arrays.asList(id, utc(now), status.name(), actor, partnerId, note, delayReason)))
                .replaceWithVoid();
    }

    public Uni<CaseView> find(SqlClient client, String id, Instant now, List<RecordingView> recordings) {
        return client.preparedQuery("select * from crm_case where id = $1").execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem()
                        : client.preparedQuery("select * from crm_case_event where case_id = $1 order by id")
                                .execute(Tuple.of(id))
                                .map(events -> {
                                    List<CaseEventView> history = new ArrayList<>();
                                    events.forEach(e -> history.add(new CaseEventView(instant(e, "at"),
                                            CaseStatus.valueOf(e.getString("status")), e.getString("actor"),
                                            e.getString("partner_id"), e.getString("note"), e.getString("delay_reason"))));
                                    return view(rows.iterator().next(), now, history, recordings);
                                }));
    }

    /** Newest first, every filter optional; {@code overdue} keeps open cases past their SLA due time. */
    public Uni<List<CaseView>> list(SqlClient client, CaseSearch s, Instant now) {
        return client.preparedQuery("select * from crm_case where ($1::varchar is null or customer_id = $1)"
                        + " and ($2::varchar is null or status = $2) and ($3::varchar is null or partner_id = $3)"
                        + " and (not $4 or (sla_due_at < $5 and status in ('REGISTERED', 'DISPATCHED', 'ACCEPTED',"
                        + " 'IN_PROGRESS', 'ON_HOLD'))) order by created_at desc, id limit $6")
                .execute(Tuple.from(Arrays.asList(s.customerId(), s.status() == null ? null : s.status().name(),
                        s.partnerId(), Boolean.TRUE.equals(s.overdue()), utc(now), s.limitOrDefault())))
                .map(rows -> {
                    List<CaseView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(view(r, now, List.of(), List.of())));
                    return list;
                });
    }

    private static CaseView view(Row r, Instant now, List<CaseEventView> history, List<RecordingView> recordings) {
        CaseStatus status = CaseStatus.valueOf(r.getString("status"));
        Instant due = instant(r, "sla_due_at");
        return new CaseView(r.getString("id"), r.getString("customer_id"), r.getString("contact_id"),
                CaseCategory.valueOf(r.getString("category")), CasePriority.valueOf(r.getString("priority")),
                r.getString("product_line"), r.getString("region"), r.getString("subject"), r.getString("description"),
                status, r.getString("partner_id"), due, status.isOpen() && due.isBefore(now), r.getString("delay_reason"),
                instant(r, "created_at"), instant(r, "updated_at"), instant(r, "resolved_at"), r.getInteger("version"),
                history, recordings);
    }
}

package io.contactcenter.crm.partner;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

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
public class PartnerRepository {

    public Uni<PartnerView> upsert(SqlClient tx, String id, PartnerRequest r, Instant now) {
        return tx.preparedQuery("insert into crm_partner (id, name, kind, skills, region, capacity, active, notify_url,"
                        + " created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
                        + " on conflict (id) do update set name = excluded.name, kind = excluded.kind,"
                        + " skills = excluded.skills, region = excluded.region, capacity = excluded.capacity,"
                        + " active = excluded.active, notify_url = excluded.notify_url, updated_at = excluded.updated_at"
                        + " returning *")
                .execute(Tuple.from(Arrays.asList(id, r.name(), r.kind().name(), r.skills().toArray(String[]::new),
                        r.region(), r.capacity(), r.active() == null || r.active(), r.notifyUrl(), utc(now))))
                .map(rows -> view(rows.iterator().next()));
    }

    public Uni<PartnerView> find(SqlClient client, String id) {
        return client.preparedQuery("select * from crm_partner where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    public Uni<List<PartnerView>> list(SqlClient client, String region, String skill) {
        return client.preparedQuery("select * from crm_partner where ($1::varchar is null or region = $1)"
                        + " and ($2::varchar is null or $2 = any(skills)) order by id")
                .execute(Tuple.of(region, skill))
                .map(rows -> {
                    List<PartnerView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(view(r)));
                    return list;
                });
    }

    /** Active partners that could take a case of this product line and region, with their load. */
    public Uni<List<PartnerSelector.Candidate>> candidates(SqlClient client, String productLine, String region) {
        return client.preparedQuery("select * from crm_partner where active and open_jobs < capacity"
                        + " and ($1::varchar is null or $1 = any(skills)) and ($2::varchar is null or region = $2)")
                .execute(Tuple.of(productLine, region))
                .map(rows -> {
                    List<PartnerSelector.Candidate> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new PartnerSelector.Candidate(r.getString("id"),
                            Arrays.asList(r.getArrayOfStrings("skills")), r.getString("region"), r.getInteger("capacity"),
                            r.getInteger("open_jobs"), r.getBoolean("active"), r.getInteger("sla_met"),
                            r.getInteger("sla_missed"))));
                    return list;
                });
    }

    /**
     * Takes a slot. The capacity check is in the statement, so two dispatches racing for the last slot cannot
     * both win; {@code force} (a supervisor's choice) skips it.
     */
    public Uni<Boolean> takeSlot(SqlClient tx, String partnerId, boolean force) {
        return tx.preparedQuery("update crm_partner set open_jobs = open_jobs + 1 where id = $1 and active"
                        + " and ($2 or open_jobs < capacity)")
                .execute(Tuple.of(partnerId, force))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Frees a slot; {@code withinSla} (null: not a resolution) updates the SLA record. */
    public Uni<Void> releaseSlot(SqlClient tx, String partnerId, Boolean withinSla) {
        return tx.preparedQuery("update crm_partner set open_jobs = greatest(open_jobs - 1, 0),"
                        + " sla_met = sla_met + case when $2 then 1 else 0 end,"
                        + " sla_missed = sla_missed + case when $3 then 1 else 0 end where id = $1")
                .execute(Tuple.of(partnerId, Boolean.TRUE.equals(withinSla), Boolean.FALSE.equals(withinSla)))
                .replaceWithVoid();
    }

    private static PartnerView view(Row r) {
        int met = r.getInteger("sla_met");
        int missed = r.getInteger("sla_missed");
        return new PartnerView(r.getString("id"), r.getString("name"),
                PartnerRequest.PartnerKind.valueOf(r.getString("kind")), Arrays.asList(r.getArrayOfStrings("skills")),
                r.getString("region"), r.getInteger("capacity"), r.getInteger("open_jobs"), r.getBoolean("active"),
                met, missed, met + missed == 0 ? null : (double) met / (met + missed), r.getString("notify_url"),
                instant(r, "created_at"), instant(r, "updated_at"));
    }
}

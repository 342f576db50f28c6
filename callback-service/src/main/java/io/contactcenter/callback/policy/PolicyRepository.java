package io.contactcenter.callback.policy;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;

@ApplicationScoped
public class PolicyRepository {

    private final ObjectMapper mapper;

    public PolicyRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Policy> upsert(SqlClient tx, String queueId, PolicyRequest r, Instant now) {
        PolicyRequest.CallingHours hours = r.callingHours() == null ? Policy.EIGHT_TO_EIGHT : r.callingHours();
        return tx.preparedQuery("insert into cb_policy (queue_id, max_attempts, min_retry_interval_s, backoff_multiplier,"
                        + " max_per_number_per_day, min_abandon_wait_s, auto_return_abandoned, time_zone, calling_hours,"
                        + " updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10)"
                        + " on conflict (queue_id) do update set max_attempts = excluded.max_attempts,"
                        + " min_retry_interval_s = excluded.min_retry_interval_s,"
                        + " backoff_multiplier = excluded.backoff_multiplier,"
                        + " max_per_number_per_day = excluded.max_per_number_per_day,"
                        + " min_abandon_wait_s = excluded.min_abandon_wait_s,"
                        + " auto_return_abandoned = excluded.auto_return_abandoned, time_zone = excluded.time_zone,"
                        + " calling_hours = excluded.calling_hours, updated_at = excluded.updated_at,"
                        + " version = cb_policy.version + 1 returning *, calling_hours::text as hours_json")
                .execute(Tuple.from(Arrays.asList(queueId, r.maxAttempts(), r.minRetryIntervalSeconds(),
                        r.backoffMultiplier() == null ? 2.0 : r.backoffMultiplier(), r.maxPerNumberPerDay(),
                        r.minAbandonWaitSeconds(), r.autoReturnAbandoned(), r.timeZone(), write(hours), utc(now))))
                .map(rows -> policy(rows.iterator().next()));
    }

    public Uni<Policy> find(SqlClient client, String queueId) {
        return client.preparedQuery("select *, calling_hours::text as hours_json from cb_policy where queue_id = $1")
                .execute(Tuple.of(queueId))
                .map(rows -> rows.size() == 0 ? null : policy(rows.iterator().next()));
    }

    private Policy policy(Row r) {
        return new Policy(r.getString("queue_id"), r.getInteger("max_attempts"), r.getInteger("min_retry_interval_s"),
                r.getDouble("backoff_multiplier"), r.getInteger("max_per_number_per_day"), r.getInteger("min_abandon_wait_s"),
                r.getBoolean("auto_return_abandoned"), r.getString("time_zone"), read(r.getString("hours_json")),
                instant(r, "updated_at"));
    }

    private String write(PolicyRequest.CallingHours hours) {
        try {
            return mapper.writeValueAsString(hours);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PolicyRequest.CallingHours read(String json) {
        try {
            PolicyRequest.CallingHours h = json == null || json.equals("{}") ? null
                    : mapper.readValue(json, PolicyRequest.CallingHours.class);
            return h == null || h.weekly() == null ? Policy.EIGHT_TO_EIGHT : h;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable calling hours", e);
        }
    }
}

package io.contactcenter.routing.agent;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.routing.support.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL for {@code routing_agent}. Parsed profiles are cached by profile version, so a routing pass over
 * thousands of agents parses only the profiles that changed.
 */
@ApplicationScoped
public class AgentRepository {

    static final String COLUMNS = "id, profile_version, presence, reason_code, presence_since, idle_since,"
            + " wrap_up_until, pending_offers, load, contacts_handled, talk_seconds, missed_offers, version";

    private final Json json;
    private final Map<String, CachedProfile> profiles = new ConcurrentHashMap<>();

    private final Map<String, CachedLoad> loads = new ConcurrentHashMap<>();

    private record CachedProfile(long version, AgentProfile profile) {
    }

    private record CachedLoad(long version, Map<io.contactcenter.events.Channel, Integer> load) {
    }

    public AgentRepository(Json json) {
        this.json = json;
    }

    public Uni<AgentRow> find(SqlClient db, String id) {
        return one(db, "select " + COLUMNS + ", profile from routing_agent where id = $1", id);
    }

    /** Locks the row for the rest of the transaction; null when unknown. */
    public Uni<AgentRow> lock(SqlClient tx, String id) {
        return one(tx, "select " + COLUMNS + ", profile from routing_agent where id = $1 for update", id);
    }

    public Uni<List<AgentRow>> list(SqlClient db, String queueId, int limit, int offset) {
        return db.preparedQuery("select " + COLUMNS + " from routing_agent order by id limit $1 offset $2")
                .execute(Tuple.of(queueId == null ? limit : 100_000, queueId == null ? offset : 0))
                .chain(rows -> withProfiles(db, rows))
                .map(all -> queueId == null ? all : all.stream()
                        .filter(a -> a.profile.queues().containsKey(queueId))
                        .skip(offset).limit(limit).toList());
    }

    /** Agents that are logged in (any presence but logged out). */
    public Uni<List<AgentRow>> loggedIn(SqlClient db) {
        return db.preparedQuery("select " + COLUMNS + " from routing_agent where presence <> 'LOGGED_OUT'")
                .execute().chain(rows -> withProfiles(db, rows));
    }

    /** Agents a routing pass may use: available and out of wrap-up at {@code now}. */
    public Uni<List<AgentRow>> routable(SqlClient db, Instant now) {
        return db.preparedQuery("select " + COLUMNS + " from routing_agent where presence = 'AVAILABLE'"
                + " and (wrap_up_until is null or wrap_up_until <= $1)")
                .execute(Tuple.of(utc(now)))
                .chain(rows -> withProfiles(db, rows));
    }

    /** As {@link #routable} but only members of {@code queueIds}: a pass needs no one else. */
    public Uni<List<AgentRow>> routableIn(SqlClient db, Instant now, String[] queueIds) {
        return db.preparedQuery("select " + COLUMNS + " from routing_agent a where presence = 'AVAILABLE' and has_room"
                + " and (wrap_up_until is null or wrap_up_until <= $1)"
                + " and exists (select 1 from routing_agent_queue m where m.agent_id = a.id and m.queue_id = any($2))")
                .execute(Tuple.of(utc(now), queueIds))
                .chain(rows -> withProfiles(db, rows));
    }

    public Uni<Void> insert(SqlClient tx, String id, AgentProfile profile, Instant now) {
        return tx.preparedQuery("insert into routing_agent (id, profile, presence, presence_since)"
                + " values ($1, $2, 'LOGGED_OUT', $3)")
                .execute(Tuple.of(id, json.write(profile), utc(now)))
                .chain(() -> memberships(tx, id, profile));
    }

    public Uni<Void> updateProfile(SqlClient tx, String id, AgentProfile profile) {
        return tx.preparedQuery("update routing_agent set profile = $2, profile_version = profile_version + 1,"
                + " has_room = true, version = version + 1 where id = $1")
                .execute(Tuple.of(id, json.write(profile)))
                .chain(() -> memberships(tx, id, profile));
    }

    private Uni<Void> memberships(SqlClient tx, String id, AgentProfile profile) {
        return tx.preparedQuery("delete from routing_agent_queue where agent_id = $1").execute(Tuple.of(id))
                .chain(() -> tx.preparedQuery("insert into routing_agent_queue (agent_id, queue_id)"
                        + " select $1, unnest($2::varchar[])")
                        .execute(Tuple.of(id, profile.queues().keySet().toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** Writes every mutable column of a row locked in this transaction and bumps its version. */
    public Uni<Void> save(SqlClient tx, AgentRow a) {
        return tx.preparedQuery("update routing_agent set presence = $2, reason_code = $3, presence_since = $4,"
                + " idle_since = $5, wrap_up_until = $6, pending_offers = $7, load = $8, contacts_handled = $9,"
                + " talk_seconds = $10, missed_offers = $11, has_room = $13, version = version + 1"
                + " where id = $1 and version = $12")
                .execute(saveTuple(a))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new IllegalStateException("agent " + a.id + " changed under its lock");
                    }
                    a.version++;
                })
                .replaceWithVoid();
    }

    Tuple saveTuple(AgentRow a) {
        return Tuple.from(new Object[] {a.id, a.presence.name(), a.reasonCode, utc(a.presenceSince),
                utc(a.idleSince), utc(a.wrapUpUntil), a.pendingOffers, json.write(a.load), a.contactsHandled,
                a.talkSeconds, a.missedOffers, a.version, a.hasRoom()});
    }

    private Uni<AgentRow> one(SqlClient db, String sql, String id) {
        return db.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            AgentRow a = map(row);
            a.profile = profile(a.id, a.profileVersion, row.getString("profile"));
            return a;
        });
    }

    /** Maps rows, fetching the profile JSON only for agents whose profile version is not cached yet. */
    private Uni<List<AgentRow>> withProfiles(SqlClient db, RowSet<Row> rows) {
        List<AgentRow> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Row row : rows) {
            AgentRow a = map(row);
            CachedProfile cached = profiles.get(a.id);
            if (cached != null && cached.version() == a.profileVersion) {
                a.profile = cached.profile();
            } else {
                missing.add(a.id);
            }
            out.add(a);
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(out);
        }
        return db.preparedQuery("select id, profile_version, profile from routing_agent where id = any($1)")
                .execute(Tuple.of(missing.toArray(String[]::new)))
                .map(fetched -> {
                    for (Row r : fetched) {
                        profile(r.getString("id"), r.getLong("profile_version"), r.getString("profile"));
                    }
                    for (AgentRow a : out) {
                        if (a.profile == null) {
                            CachedProfile c = profiles.get(a.id);
                            a.profile = c == null ? new AgentProfile(null, null, null, null) : c.profile();
                        }
                    }
                    return out;
                });
    }

    private AgentProfile profile(String id, long version, String text) {
        CachedProfile cached = profiles.get(id);
        if (cached != null && cached.version() >= version) {
            return cached.profile();
        }
        AgentProfile p = json.read(text, AgentProfile.class);
        profiles.put(id, new CachedProfile(version, p));
        return p;
    }

    /** Parsed per row version: a routing pass re-reads thousands of unchanged agents. */
    private Map<io.contactcenter.events.Channel, Integer> load(String id, long version, String text) {
        CachedLoad cached = loads.get(id);
        if (cached != null && cached.version() == version) {
            return cached.load();
        }
        Map<io.contactcenter.events.Channel, Integer> parsed = json.load(text);
        loads.put(id, new CachedLoad(version, parsed));
        return parsed;
    }

    private AgentRow map(Row row) {
        AgentRow a = new AgentRow();
        a.id = row.getString("id");
        a.version = row.getLong("version");
        a.profileVersion = row.getLong("profile_version");
        a.presence = AgentState.valueOf(row.getString("presence"));
        a.reasonCode = row.getString("reason_code");
        a.presenceSince = instant(row, "presence_since");
        a.idleSince = instant(row, "idle_since");
        a.wrapUpUntil = instant(row, "wrap_up_until");
        a.pendingOffers = row.getInteger("pending_offers");
        a.load = new java.util.EnumMap<>(io.contactcenter.events.Channel.class);
        a.load.putAll(load(a.id, a.version, row.getString("load")));
        a.contactsHandled = row.getInteger("contacts_handled");
        a.talkSeconds = row.getDouble("talk_seconds");
        a.missedOffers = row.getInteger("missed_offers");
        return a;
    }
}

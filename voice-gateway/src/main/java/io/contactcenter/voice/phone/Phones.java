package io.contactcenter.voice.phone;

import io.contactcenter.voice.config.VoiceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Agents' softphones: credentials (stored as the digest HA1, which is what SIP digest needs and all a leak would
 * give away for this realm) and their current registration, in the database so every replica finds a phone.
 */
@ApplicationScoped
public class Phones {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A phone's credentials as the registrar checks them. */
    public record Credentials(String agentId, String username, String realm, String ha1) {
    }

    /** Where an agent's phone can be rung. */
    public record Binding(String agentId, String contactUri, String source, String instanceId, Instant expiresAt) {
    }

    /** What the API shows of a phone (never the hash). */
    public record PhoneView(String agentId, String username, String realm, boolean registered, String contactUri,
            Instant expiresAt) {
    }

    private final Pool pool;
    private final VoiceConfig config;
    private final Clock clock;

    public Phones(Pool pool, VoiceConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    public Uni<PhoneView> set(String agentId, String username, String password) {
        String realm = config.sip().realm();
        return pool.preparedQuery("insert into voice_phone (agent_id, username, realm, ha1, updated_at) values ($1, $2, $3, $4, $5)"
                        + " on conflict (agent_id) do update set username = excluded.username, realm = excluded.realm,"
                        + " ha1 = excluded.ha1, updated_at = excluded.updated_at")
                .execute(Tuple.of(agentId, username, realm, ha1(username, realm, password), now()))
                .chain(() -> view(agentId));
    }

    public Uni<PhoneView> view(String agentId) {
        return pool.preparedQuery("select p.agent_id, p.username, p.realm, r.contact_uri, r.expires_at from voice_phone p"
                + " left join voice_registration r on r.agent_id = p.agent_id and r.expires_at > now()"
                + " where p.agent_id = $1").execute(Tuple.of(agentId)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    OffsetDateTime exp = r.getOffsetDateTime("expires_at");
                    return new PhoneView(r.getString("agent_id"), r.getString("username"), r.getString("realm"), exp != null,
                            r.getString("contact_uri"), exp == null ? null : exp.toInstant());
                });
    }

    public Uni<Boolean> delete(String agentId) {
        return pool.preparedQuery("delete from voice_phone where agent_id = $1").execute(Tuple.of(agentId)).map(r -> r.rowCount() > 0);
    }

    /** Blocking: called on SIP threads. */
    public Credentials byUsername(String username) {
        var rows = pool.preparedQuery("select agent_id, username, realm, ha1 from voice_phone where username = $1")
                .execute(Tuple.of(username)).await().atMost(WAIT);
        if (rows.size() == 0) {
            return null;
        }
        Row r = rows.iterator().next();
        return new Credentials(r.getString("agent_id"), r.getString("username"), r.getString("realm"), r.getString("ha1"));
    }

    /** Registers (or, with 0 seconds, unregisters) a phone. Blocking. */
    public void register(String agentId, String contactUri, String source, int seconds) {
        if (seconds <= 0) {
            pool.preparedQuery("delete from voice_registration where agent_id = $1").execute(Tuple.of(agentId)).await().atMost(WAIT);
            return;
        }
        OffsetDateTime now = now();
        pool.preparedQuery("insert into voice_registration (agent_id, contact_uri, source, instance_id, expires_at, updated_at)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict (agent_id) do update set contact_uri = excluded.contact_uri,"
                        + " source = excluded.source, instance_id = excluded.instance_id, expires_at = excluded.expires_at,"
                        + " updated_at = excluded.updated_at")
                .execute(Tuple.from(new Object[] {agentId, contactUri, source, config.instanceId(), now.plusSeconds(seconds), now}))
                .await().atMost(WAIT);
    }

    /** The agent's live registration, or null. Blocking. */
    public Binding binding(String agentId) {
        var rows = pool.preparedQuery("select agent_id, contact_uri, source, instance_id, expires_at from voice_registration"
                + " where agent_id = $1 and expires_at > $2").execute(Tuple.of(agentId, now())).await().atMost(WAIT);
        if (rows.size() == 0) {
            return null;
        }
        Row r = rows.iterator().next();
        return new Binding(r.getString("agent_id"), r.getString("contact_uri"), r.getString("source"), r.getString("instance_id"),
                r.getOffsetDateTime("expires_at").toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    public static String ha1(String username, String realm, String password) {
        return md5(username + ":" + realm + ":" + password);
    }

    public static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

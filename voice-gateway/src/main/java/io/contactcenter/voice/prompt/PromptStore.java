package io.contactcenter.voice.prompt;

import io.contactcenter.voice.media.Clip;
import io.contactcenter.voice.media.G711;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recorded prompts for {@code play} actions, shared by every replica through the database and kept in memory once
 * read. A prompt nobody uploaded yet plays the built-in hold music, so a caller on hold never hears silence.
 */
@ApplicationScoped
public class PromptStore {

    public static final String BUILT_IN = "hold-music";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration REFRESH = Duration.ofSeconds(30);

    public record PromptView(String name, double seconds, OffsetDateTime updatedAt) {
    }

    private record Cached(Clip clip, long readAt) {
    }

    private final Pool pool;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clip holdMusic = new Clip(HoldMusic.render(24));

    public PromptStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The prompt to play (blocking; called on a call's own thread). */
    public Clip clip(String name) {
        if (name == null || name.isBlank()) {
            return holdMusic;
        }
        Cached c = cache.get(name);
        long now = System.nanoTime();
        if (c != null && now - c.readAt() < REFRESH.toNanos()) {
            return c.clip();
        }
        Clip clip;
        try {
            var rows = pool.preparedQuery("select ulaw from voice_prompt where name = $1").execute(Tuple.of(name)).await().atMost(WAIT);
            clip = rows.size() == 0 ? holdMusic : fromUlaw(rows.iterator().next().getBuffer("ulaw").getBytes());
        } catch (RuntimeException e) {
            clip = c != null ? c.clip() : holdMusic; // the database is away: what we had, or music
        }
        cache.put(name, new Cached(clip, now));
        return clip;
    }

    public Uni<PromptView> save(String name, short[] pcm) {
        byte[] ulaw = G711.encode(pcm, 0, pcm.length, io.contactcenter.voice.media.Codec.PCMU);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return pool.preparedQuery("insert into voice_prompt (name, ulaw, updated_at) values ($1, $2, $3)"
                        + " on conflict (name) do update set ulaw = excluded.ulaw, updated_at = excluded.updated_at")
                .execute(Tuple.of(name, io.vertx.core.buffer.Buffer.buffer(ulaw), now))
                .invoke(() -> cache.remove(name))
                .replaceWith(new PromptView(name, pcm.length / 8000.0, now));
    }

    public Uni<List<PromptView>> list() {
        return pool.query("select name, length(ulaw) as n, updated_at from voice_prompt order by name").execute().map(rows -> {
            List<PromptView> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new PromptView(r.getString("name"), r.getInteger("n") / 8000.0, r.getOffsetDateTime("updated_at")));
            }
            return out;
        });
    }

    public Uni<Boolean> delete(String name) {
        return pool.preparedQuery("delete from voice_prompt where name = $1").execute(Tuple.of(name))
                .invoke(() -> cache.remove(name)).map(r -> r.rowCount() > 0);
    }

    private static Clip fromUlaw(byte[] ulaw) {
        short[] pcm = G711.decode(ulaw, 0, ulaw.length, io.contactcenter.voice.media.Codec.PCMU);
        return new Clip(pcm);
    }
}

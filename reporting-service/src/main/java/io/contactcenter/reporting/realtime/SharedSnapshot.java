package io.contactcenter.reporting.realtime;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One value computed for every reader, stale-while-revalidate: a read gets the current value at once; once it is older
 * than {@code maxAge} that read also starts computing the next one in the background (one computation at a time, the
 * readers meanwhile keep getting the old value); once older than {@code maxStale} it is dropped and the next read waits
 * for a fresh one. So readers wait for the computation only on the first read and after a quiet spell, never while a
 * busy database makes the computation slow. {@code maxAge} zero: every read computes and waits.
 */
final class SharedSnapshot<T> {

    private final Supplier<Uni<T>> compute;
    private final AsyncLoadingCache<Boolean, T> cache;

    SharedSnapshot(Supplier<Uni<T>> compute, Duration maxAge, Duration maxStale) {
        this(compute, maxAge, maxStale, Ticker.systemTicker(), null);
    }

    /** {@code ticker} and {@code executor} (null: the common pool) are for tests. */
    SharedSnapshot(Supplier<Uni<T>> compute, Duration maxAge, Duration maxStale, Ticker ticker, Executor executor) {
        if (maxAge.isNegative() || maxStale.compareTo(maxAge) <= 0) {
            throw new IllegalArgumentException("the snapshot's max-stale (" + maxStale
                    + ") must be longer than its max-age (" + maxAge + "), and max-age not negative");
        }
        this.compute = compute;
        if (maxAge.isZero()) {
            this.cache = null;
        } else {
            Caffeine<Object, Object> builder = Caffeine.newBuilder().ticker(ticker)
                    .refreshAfterWrite(maxAge).expireAfterWrite(maxStale);
            if (executor != null) {
                builder.executor(executor);
            }
            this.cache = builder.buildAsync((key, ignored) -> compute.get().subscribeAsCompletionStage());
        }
    }

    Uni<T> get() {
        return cache == null ? compute.get() : Uni.createFrom().completionStage(() -> cache.get(Boolean.TRUE));
    }
}

package io.contactcenter.reporting.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedSnapshotTest {

    private static final Duration MAX_AGE = Duration.ofMillis(500);
    private static final Duration MAX_STALE = Duration.ofSeconds(5);

    /** Each computation the snapshot starts, for the test to finish when it chooses. */
    private final List<CompletableFuture<String>> computations = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SharedSnapshot<String> snapshot = new SharedSnapshot<>(this::compute, MAX_AGE, MAX_STALE, nanos::get,
            Runnable::run);

    private Uni<String> compute() {
        CompletableFuture<String> f = new CompletableFuture<>();
        computations.add(f);
        return Uni.createFrom().completionStage(f);
    }

    private CompletableFuture<String> read() {
        return snapshot.get().subscribeAsCompletionStage();
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void firstReadsWaitForOneSharedComputation() {
        CompletableFuture<String> first = read();
        CompletableFuture<String> second = read();
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(computations).hasSize(1);

        computations.get(0).complete("v1");

        assertThat(first).isCompletedWithValue("v1");
        assertThat(second).isCompletedWithValue("v1");
    }

    @Test
    void readsWithinMaxAgeShareTheSnapshotWithoutComputing() {
        read();
        computations.get(0).complete("v1");
        advance(MAX_AGE.minusMillis(1));

        assertThat(read()).isCompletedWithValue("v1");
        assertThat(computations).hasSize(1);
    }

    @Test
    void aReadPastMaxAgeGetsTheOldSnapshotAtOnceWhileOneRefreshRuns() {
        read();
        computations.get(0).complete("v1");
        advance(MAX_AGE.plusMillis(1));

        // the refresh is slow (a database busy with ingest): readers are not held up by it
        assertThat(read()).isCompletedWithValue("v1");
        assertThat(read()).isCompletedWithValue("v1");
        assertThat(computations).hasSize(2);

        computations.get(1).complete("v2");
        assertThat(read()).isCompletedWithValue("v2");
        assertThat(computations).hasSize(2);
    }

    @Test
    void aFailedRefreshKeepsServingTheLastSnapshot() {
        read();
        computations.get(0).complete("v1");
        advance(MAX_AGE.plusMillis(1));
        read();

        computations.get(1).completeExceptionally(new IllegalStateException("database down"));

        assertThat(read()).isCompletedWithValue("v1");
    }

    @Test
    void afterAQuietSpellLongerThanMaxStaleAReadWaitsForAFreshSnapshot() {
        read();
        computations.get(0).complete("v1");
        advance(MAX_STALE.plusMillis(1));

        CompletableFuture<String> read = read();
        assertThat(read).isNotDone();
        computations.get(1).complete("v2");
        assertThat(read).isCompletedWithValue("v2");
    }

    @Test
    void zeroMaxAgeComputesEveryRead() {
        SharedSnapshot<String> everyRead = new SharedSnapshot<>(this::compute, Duration.ZERO, MAX_STALE);
        everyRead.get().subscribeAsCompletionStage();
        everyRead.get().subscribeAsCompletionStage();

        assertThat(computations).hasSize(2);
    }

    @Test
    void maxStaleNotLongerThanMaxAgeIsRejectedNamingBoth() {
        assertThatThrownBy(() -> new SharedSnapshot<>(this::compute, MAX_STALE, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-stale (PT0.5S)").hasMessageContaining("max-age (PT5S)");
    }
}

package io.contactcenter.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that becomes true asynchronously (events, readiness, process start). */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Checks {@code condition} every {@code every} until it holds or {@code timeout} passes.
     *
     * @throws AssertionError naming {@code what} when it never held
     */
    public static void await(String what, Duration timeout, Duration every, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
        throw new AssertionError("not true within " + timeout + ": " + what);
    }
}

package io.contactcenter.simulator.traffic;

import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A person calling: arrives, waits with a patience of its own, and hangs up when it runs out. */
abstract class Caller implements Runnable {

    protected final Traffic traffic;
    protected final Random random;
    protected final String number;
    protected final double patienceSeconds;

    Caller(Traffic traffic, long seed, String number) {
        this.traffic = traffic;
        this.random = new Random(seed);
        this.number = number;
        this.patienceSeconds = traffic.plan().patience(random);
    }

    @Override
    public final void run() {
        traffic.counters().arrived.incrementAndGet();
        try {
            call();
        } catch (RuntimeException e) {
            traffic.error("caller " + number + ": " + e.getMessage());
        } finally {
            traffic.counters().finished.incrementAndGet();
        }
    }

    protected abstract void call();

    /**
     * Waits until an agent takes {@code call}, at most until the caller's patience, counted from {@code enteredAt}, runs
     * out, calling {@code whileWaiting} about every {@code pollSeconds} (hold treatment). True when answered.
     */
    protected boolean awaitAnswer(Call call, double enteredAt, double pollSeconds, Runnable whileWaiting) {
        double giveUpAt = enteredAt + patienceSeconds;
        while (true) {
            double left = giveUpAt - traffic.now();
            if (left <= 0) {
                return call.isAnswered();
            }
            try {
                call.answered.get((long) (Math.min(left, pollSeconds) * 1000) + 1, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException stillWaiting) {
                if (traffic.now() < giveUpAt && whileWaiting != null) {
                    whileWaiting.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return call.isAnswered();
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** Waits for the agent to finish with the caller (bounded: a desk that dies must not hang the run). */
    protected void awaitCompletion(Call call) {
        try {
            call.completed.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("contact " + call.contactId + " was never completed");
        }
    }
}

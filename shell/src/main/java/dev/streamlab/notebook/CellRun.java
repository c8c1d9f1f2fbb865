package dev.streamlab.notebook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a cell runs in a {@link JShellProcess}, and the stop protocol: a stop keeps asking the code to end while the
 * cell runs, and ends the process when the code ignores it. Every change of state may come from another thread
 * (a Ctrl-C handler, the stopper).
 */
final class CellRun {

    /** Where a session is. */
    enum State {
        /** No code runs. */
        IDLE,
        /** A cell's code runs, or the restore after a crash does. */
        RUNNING,
        /** The learner asked to stop; the code has not ended yet. */
        STOP_ASKED,
        /** The code ignored every request to stop, so its process was ended. */
        KILLED
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    private static final long STOP_RETRY_MS = 100;

    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    /** Counts runs, so a stop meant for one never reaches the next (nor the restore that follows a kill). */
    private final AtomicLong runs = new AtomicLong();

    /** A cell starts, or a restore after a crash starts afresh (a stop asked before does not reach it). */
    void begin() {
        runs.incrementAndGet();
        state.set(State.RUNNING);
    }

    void end() {
        runs.incrementAndGet();
        state.set(State.IDLE);
    }

    State state() {
        return state.get();
    }

    boolean running() {
        State now = state.get();
        return now == State.RUNNING || now == State.STOP_ASKED;
    }

    boolean stopAsked() {
        return state.get() == State.STOP_ASKED;
    }

    /**
     * Stops the code that runs now. A stop that arrives between two snippets, or while one compiles, finds no code to
     * stop: keep asking while the same run goes on. Code that ignores every stop loses its process.
     */
    void stop(JShellProcess process) {
        if (!state.compareAndSet(State.RUNNING, State.STOP_ASKED)) {
            return;
        }
        long target = runs.get();
        Thread stopper = new Thread(
                () -> {
                    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
                    while (stillRunning(target) && System.nanoTime() < deadline) {
                        if (!process.askToStop()) {
                            return;
                        }
                        try {
                            Thread.sleep(STOP_RETRY_MS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (stillRunning(target) && state.compareAndSet(State.STOP_ASKED, State.KILLED)) {
                        process.kill();
                    }
                },
                "streamlab-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    private boolean stillRunning(long run) {
        return running() && runs.get() == run;
    }
}

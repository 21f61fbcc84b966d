package org.mvtm.server;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One named virtual thread that runs what it is handed in order, so an event subscriber hands work to it and the
 * publisher never waits. Closing refuses new work and waits up to two seconds for the task at hand.
 */
public final class SerialWorker implements Executor, AutoCloseable {
    private final ExecutorService thread;

    public SerialWorker(String name) {
        this.thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name(name).factory());
    }

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

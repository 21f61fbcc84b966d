package org.mvtm.web.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mvtm.core.concurrent.KeyedLanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where the web tier runs work that may block (routing store, media set-up, recording reads): one virtual thread per
 * task, so event subscribers and WebSocket threads return at once. Also one timer thread for periodic pushes.
 */
@Component
public class WebWorkers implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(WebWorkers.class);
    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("web-task-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("web-timer").factory());
    private final List<KeyedLanes<?>> lanes = new CopyOnWriteArrayList<>();

    /** Runs the task on a virtual thread; failures are logged with the task's name. */
    public void run(String what, Runnable task) {
        tasks.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString(), e);
            }
        });
    }

    /**
     * Lanes that run the tasks of one key one after another, in submission order, on virtual threads: for the commands
     * of one WebSocket, whose order matters (wrap up, then ask for the desk). Closed with the workers.
     */
    public <K> KeyedLanes<K> lanes(String name) {
        KeyedLanes<K> made = new KeyedLanes<>(name);
        lanes.add(made);
        return made;
    }

    /** Runs {@code task} every {@code periodMillis} on a virtual thread (the timer itself never blocks). */
    public void every(long periodMillis, String what, Runnable task) {
        timer.scheduleWithFixedDelay(() -> run(what, task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        lanes.forEach(KeyedLanes::close);
        timer.shutdownNow();
        tasks.shutdown();
    }
}

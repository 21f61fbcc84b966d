package org.mvtm.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyedLanesTest {
    private static final long WAIT_SECONDS = 30;

    @Test
    void theTasksOfOneKeyRunOneAtATimeInTheOrderTheyCame() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (KeyedLanes<String> lanes = new KeyedLanes<>("test")) {
            for (int i = 0; i < 500; i++) {
                int n = i;
                lanes.submit("c-1", "step " + n, () -> ran.add(n));
            }
            lanes.submit("c-1", "last", done::countDown);
            assertThat(done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran).hasSize(500).isSorted();
    }

    @Test
    void aKeyWhoseTaskWaitsDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        try (KeyedLanes<String> lanes = new KeyedLanes<>("test")) {
            lanes.submit("slow", "wait", () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            lanes.submit("other", "run", otherRan::countDown);

            assertThat(otherRan.await(WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("the other key ran while slow waited")
                    .isTrue();
            release.countDown();
        }
    }

    @Test
    void aTaskThatFailsIsPassedOverAndItsKeyGoesOn() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        try (KeyedLanes<String> lanes = new KeyedLanes<>("test")) {
            lanes.submit("c-1", "fail", () -> {
                throw new IllegalStateException("broken step");
            });
            lanes.submit("c-1", "next", after::countDown);

            assertThat(after.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closedLanesRefuseNewTasksAndFinishTheQueuedOnes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch queuedRan = new CountDownLatch(1);
        KeyedLanes<String> lanes = new KeyedLanes<>("test");
        lanes.submit("c-1", "wait", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(lanes.submit("c-1", "queued", queuedRan::countDown)).isTrue();

        lanes.close();
        assertThat(lanes.submit("c-1", "too late", () -> {})).isFalse();
        release.countDown();
        assertThat(queuedRan.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
}

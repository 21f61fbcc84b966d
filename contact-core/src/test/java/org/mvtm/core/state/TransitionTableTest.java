package org.mvtm.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransitionTableTest {
    enum Door {
        OPEN,
        CLOSED,
        LOCKED,
        BROKEN
    }

    private final TransitionTable<Door> table = TransitionTable.of("door", Door.class)
            .from(Door.OPEN)
            .to(Door.CLOSED, Door.BROKEN)
            .from(Door.CLOSED)
            .to(Door.OPEN, Door.LOCKED, Door.BROKEN)
            .from(Door.LOCKED)
            .to(Door.CLOSED, Door.BROKEN)
            .build();

    @Test
    void aChangeTheTableDoesNotHoldIsRefusedNamingTheSubjectAndBothStates() {
        assertThat(table.check("front", Door.CLOSED, Door.LOCKED)).isEqualTo(Door.LOCKED);
        assertThatThrownBy(() -> table.check("front", Door.OPEN, Door.LOCKED))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("door front cannot go from OPEN to LOCKED");
        assertThat(table.isTerminal(Door.BROKEN)).isTrue();
        assertThat(table.sourcesOf(Door.CLOSED)).containsExactly(Door.OPEN, Door.LOCKED);
    }

    @Test
    void aCommandMayBeNarrowerThanTheTableButNeverWider() {
        assertThat(table.commandFrom(Door.BROKEN, Door.LOCKED)).containsExactly(Door.LOCKED);
        assertThatThrownBy(() -> table.commandFrom(Door.LOCKED, Door.OPEN, Door.CLOSED))
                .hasMessage("door command LOCKED cannot go from OPEN to LOCKED");
    }

    @Test
    void aMachineMovesOnlyThroughItsTableAndARepeatedMoveIsANoOp() {
        StateMachine<Door> door = new StateMachine<>(table, "back", Door.OPEN);
        assertThat(door.moveTo(Door.CLOSED)).isTrue();
        assertThat(door.moveTo(Door.CLOSED)).isFalse();
        assertThat(door.moveTo(Door.OPEN)).isTrue();
        assertThat(door.tryMoveTo(Door.LOCKED)).isFalse();
        assertThat(door.get()).isEqualTo(Door.OPEN);
        assertThatThrownBy(() -> door.moveTo(Door.LOCKED)).hasMessage("door back cannot go from OPEN to LOCKED");
    }

    @Test
    void aStrictMachineRefusesAMoveToTheSameStateUnlessTheTableHoldsIt() {
        StateMachine<Door> door = new StateMachine<>(table, "cellar", Door.CLOSED);
        door.strictMoveTo(Door.LOCKED);
        assertThatThrownBy(() -> door.strictMoveTo(Door.LOCKED))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("door cellar cannot go from LOCKED to LOCKED");
        assertThatThrownBy(() -> door.strictMoveTo(Door.OPEN)).hasMessage("door cellar cannot go from LOCKED to OPEN");
        assertThat(door.get()).isEqualTo(Door.LOCKED);

        TransitionTable<Door> swinging = TransitionTable.of("swing door", Door.class)
                .from(Door.OPEN)
                .to(Door.OPEN)
                .build();
        StateMachine<Door> swing = new StateMachine<>(swinging, "kitchen", Door.OPEN);
        swing.strictMoveTo(Door.OPEN);
        assertThat(swing.get()).isEqualTo(Door.OPEN);
    }

    @Test
    void ofManyThreadsMovingAtOnceExactlyOneMakesTheMove() throws InterruptedException {
        StateMachine<Door> door = new StateMachine<>(table, "vault", Door.CLOSED);
        AtomicInteger moved = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (door.tryMoveTo(Door.LOCKED)) {
                    moved.incrementAndGet();
                }
            });
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(moved).hasValue(1);
        assertThat(door.get()).isEqualTo(Door.LOCKED);
    }
}

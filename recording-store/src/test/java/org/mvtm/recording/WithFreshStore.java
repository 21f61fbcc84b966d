package org.mvtm.recording;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test over one store of its own: before each test a {@link StoreFixture} opens a store in a new temporary
 * directory ({@code tmp}); after it the store is closed. A subclass's own {@code @BeforeEach} runs after the store is
 * open, so it can record into {@code f} or reopen {@code f.store} with another configuration.
 */
abstract class WithFreshStore {
    @TempDir
    Path tmp;

    StoreFixture f;

    @BeforeEach
    final void openStore() {
        f = new StoreFixture(tmp);
    }

    @AfterEach
    final void closeStore() {
        f.close();
    }
}

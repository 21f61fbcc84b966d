package org.mvtm.server;

import org.mvtm.core.signin.InMemoryStrikeStore;
import org.mvtm.core.signin.StrikeStore;

class InMemorySignInThrottleTest extends SignInThrottleContract {
    @Override
    StrikeStore store() {
        return new InMemoryStrikeStore();
    }
}

package org.mvtm.web.socket;

import java.time.Duration;
import java.util.Set;
import org.mvtm.web.api.WebSessionStore;
import org.mvtm.web.call.WebWorkers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every open WebSocket follows the browser session it was opened in ({@link BrowserSessionSockets}): what happens to
 * that session on this node ({@link BrowserSessionChanges}) closes its sockets once the response is out
 * ({@link SocketClosesAfterResponse}), and with a shared session store (a cluster) what happened to it on another
 * node or in the store is found by a sweep ({@link GoneSessionSweep}).
 */
@Configuration(proxyBeanMethods = false)
class BrowserSessionConfiguration {
    /** How often a node asks a shared session store whether its sockets' sessions are still kept. */
    static final Duration GONE_SESSION_SWEEP = Duration.ofSeconds(3);

    @Bean
    BrowserSessionSockets browserSessionSockets() {
        return new BrowserSessionSockets();
    }

    @Bean
    SocketClosesAfterResponse socketClosesAfterResponse() {
        return new SocketClosesAfterResponse();
    }

    @Bean
    FilterRegistrationBean<SocketClosesAfterResponse> socketClosesAfterResponseFilter(SocketClosesAfterResponse filter) {
        FilterRegistrationBean<SocketClosesAfterResponse> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SocketClosesAfterResponse.ORDER);
        return registration;
    }

    /** A session listener, a sign-out step and a listener of sign-ins. */
    @Bean
    BrowserSessionChanges browserSessionChanges(BrowserSessionSockets sockets, SocketClosesAfterResponse closes) {
        return new BrowserSessionChanges(sockets, closes);
    }

    /** Runs only with a shared store: a single node's container sessions end where this node sees them. */
    @Bean
    GoneSessionSweep goneSessionSweep(BrowserSessionSockets sockets, ObjectProvider<WebSessionStore> store,
                                      WebWorkers workers) {
        GoneSessionSweep sweep = new GoneSessionSweep(sockets, store.getIfAvailable(() -> Set::copyOf));
        store.ifAvailable(shared -> workers.every(GONE_SESSION_SWEEP.toMillis(),
                "close the sockets of web sessions ended elsewhere", sweep));
        return sweep;
    }
}

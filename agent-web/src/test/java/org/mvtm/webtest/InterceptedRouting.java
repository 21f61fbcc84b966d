package org.mvtm.webtest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.mvtm.core.event.EventBus;
import org.mvtm.routing.api.RoutingEngine;

/**
 * The web tests' real in-memory routing engine ({@link CommonTestBeans}) with a test's step around its calls: to make
 * an order of two threads' calls happen that happens only now and then (one call held until another has come).
 */
final class InterceptedRouting {
    /** Around a call of routing's method {@code method}: calls {@code real} (or not) and answers what it answered. */
    interface Around {
        Object call(String method, Callable<Object> real) throws Exception;
    }

    private InterceptedRouting() {
    }

    static RoutingEngine of(Clock clock, EventBus events, Around around) {
        RoutingEngine real = new CommonTestBeans().routingEngine(clock, events);
        return (RoutingEngine) Proxy.newProxyInstance(RoutingEngine.class.getClassLoader(),
                new Class<?>[] {RoutingEngine.class},
                (proxy, method, args) -> around.call(method.getName(), () -> invoke(real, method, args)));
    }

    private static Object invoke(RoutingEngine real, Method method, Object[] args) throws Exception {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            throw (Error) e.getCause();
        }
    }
}

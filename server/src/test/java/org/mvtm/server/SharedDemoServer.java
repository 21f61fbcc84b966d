package org.mvtm.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One server on embedded defaults with its demo data, shared by the test classes that ask for it with
 * {@code @ExtendWith(SharedDemoServer.class)} and a {@link ServerProcess} parameter (of a {@code @BeforeAll} method,
 * say): the first class that asks starts it, the end of the test run stops it. Each class saves a server start (about
 * 14 s on CI). Only for classes that leave nobody waiting, ready or signed in to a call when they finish, and that
 * read nothing of the log but what they cause.
 */
final class SharedDemoServer implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDemoServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root context's store lives for the whole run and closes (stops) the server at its end
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(ServerProcess.class, type -> {
            try {
                ServerProcess server = ServerProcess.start(Files.createTempDirectory("mvtm-shared-demo"));
                server.awaitHealthy(Duration.ofSeconds(120));
                return server;
            } catch (Exception e) {
                throw new IllegalStateException("the shared demo server did not start", e);
            }
        }, ServerProcess.class);
    }
}

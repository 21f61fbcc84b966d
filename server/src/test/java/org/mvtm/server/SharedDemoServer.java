package org.mvtm.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
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
        // the root context's store lives for the whole run and closes (stops and removes) the server at its end
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, type -> {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("mvtm-shared-demo");
                ServerProcess server = ServerProcess.start(dir);
                server.awaitHealthy(Duration.ofSeconds(120));
                return new Started(server, dir);
            } catch (Exception e) {
                throw new IllegalStateException("the shared demo server did not start (its files: " + dir + ")", e);
            }
        }, Started.class).server();
    }

    /** The server and its data directory, removed when the run ends. */
    private record Started(ServerProcess server, Path dir) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

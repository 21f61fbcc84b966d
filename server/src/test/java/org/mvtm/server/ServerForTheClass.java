package org.mvtm.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose tests share one server, started as the README starts it with the demo data, before the first
 * test and stopped after the last; browser media on any free port. Its scenarios leave their advisors Not ready and
 * nobody waiting, so the next one starts from the same floor. A class adds its own server arguments by overriding
 * {@link #serverArguments()}; a class of scenarios of one browser script: {@link BrowserScenarios}. (One server for
 * several classes: {@link SharedDemoServer}.)
 */
@Tag("peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerForTheClass {
    /**
     * How far an exported block's time may sit from its packet's arrival: the export places packets by RTP timestamp
     * from the leg's first arrival, so network and scheduling jitter at that first packet shifts the whole leg.
     */
    static final Duration ALIGNMENT = Duration.ofMillis(400);

    /** The server's folder (its data under {@code data}), and the tests' own files beside it. */
    Path dir;

    @AutoClose
    ServerProcess server;

    /** Arguments beyond browser media on any free port. */
    List<String> serverArguments() {
        return List.of();
    }

    /** @param dir a folder for the class, removed after its last test (JUnit fills a {@code @TempDir} field too late) */
    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        this.dir = dir;
        List<String> arguments = new ArrayList<>(List.of("--contact.media.port-min=0", "--contact.media.port-max=0"));
        arguments.addAll(serverArguments());
        server = ServerProcess.start(dir, arguments.toArray(String[]::new));
        server.awaitHealthy(Duration.ofSeconds(180));
    }
}

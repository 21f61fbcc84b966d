package org.mvtm.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command that starts a server JVM for a test: the packaged jar, the artifact a bank runs, extracted as Spring
 * Boot recommends for class-data sharing, with an ahead-of-time cache (JDK 25, JEP 483/514) made once per build by a
 * training start ({@code spring.context.exit=onRefresh}), so each of the suite's many server starts loads and links
 * its classes from the cache instead of from the jars. When the jar is missing or older than the compiled classes or
 * the project's other modules (a test run from an IDE after a compile, a change in another module since the server
 * was packaged) or the training start fails, the server starts from the test's class path as before, and says so
 * once. The forks of one build share the cache: the first to need it makes it under a file lock.
 */
final class ServerLaunch {
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xmx768m");
    private static List<String> command;

    private ServerLaunch() {}

    /** {@code java} with its options and what to run, to which the server's own arguments are added. */
    static synchronized List<String> javaCommand() {
        if (command == null) {
            command = choose();
        }
        return command;
    }

    private static List<String> choose() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> fromClassPath = new ArrayList<>(List.of(java));
        fromClassPath.addAll(JVM_OPTIONS);
        fromClassPath.addAll(List.of("-cp", System.getProperty("java.class.path"), MvtmServerApplication.class.getName()));
        try {
            Path classes = Path.of(MvtmServerApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = classes.resolveSibling("mvtm-server.jar");
            if (!Files.isDirectory(classes) || !Files.isRegularFile(jar)
                    || newestOfTheProject(classes).compareTo(modified(jar)) > 0) {
                System.out.println("server JVMs start from the class path: no packaged jar newer than " + classes
                        + " and the other modules on the class path");
                return fromClassPath;
            }
            Path dir = classes.resolveSibling("server-aot");
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                Path app = dir.resolve("app").resolve("mvtm-server.jar");
                Path cache = dir.resolve("server.aot");
                Path made = dir.resolve("made-from");
                String from = jar + " " + modified(jar).toMillis();
                if (!Files.exists(made) || !Files.readString(made).equals(from)) {
                    Files.deleteIfExists(made);
                    train(java, jar, dir, cache);
                    Files.writeString(made, from);
                }
                List<String> fromCache = new ArrayList<>(List.of(java));
                fromCache.addAll(JVM_OPTIONS);
                fromCache.addAll(List.of("-XX:AOTCache=" + cache, "-jar", app.toString()));
                return fromCache;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            System.out.println("server JVMs start from the class path: no ahead-of-time cache (" + e + ")");
            return fromClassPath;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fromClassPath;
        }
    }

    /** Extracts the jar into {@code dir/app} and starts it once, on throw-away data, to record the cache. */
    private static void train(String java, Path jar, Path dir, Path cache) throws IOException, InterruptedException {
        Path app = dir.resolve("app");
        Path training = dir.resolve("training");
        for (Path old : List.of(app, training)) {
            deleteTree(old);
        }
        Files.deleteIfExists(cache);
        Files.createDirectories(training);
        run(training, "extracting", List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                app.toString()));
        List<String> start = new ArrayList<>(List.of(java));
        start.addAll(JVM_OPTIONS);
        int sip = ServerProcess.freeTcpPort();
        start.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                app.resolve("mvtm-server.jar").toString(), "--server.port=" + ServerProcess.freeTcpPort(),
                "--contact.sip.udp-port=" + sip, "--contact.sip.tcp-port=" + sip, "--contact.sip.tls-port=0",
                "--contact.media.port-min=0", "--contact.media.port-max=0",
                "--contact.data-dir=" + training.resolve("data")));
        run(training, "training", start);
        if (!Files.isRegularFile(cache)) {
            throw new IOException("the training start made no cache; see " + training.resolve("training.log"));
        }
    }

    private static void run(Path dir, String what, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve(what + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(what + " the server jar took over 5 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " the server jar exited with " + p.exitValue() + "; see " + log);
        }
    }

    /**
     * The newest of the server's classes and the project's other modules on the test's class path: the jar is only
     * rebuilt when the server's own classes change (Maven leaves an up-to-date archive alone), so a change in another
     * module (agent-web's pages, say) would otherwise run on the older jar.
     */
    private static FileTime newestOfTheProject(Path classes) throws IOException {
        FileTime newest = newest(classes);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path module = Path.of(entry);
            String path = module.toString().replace('\\', '/');
            // a module installed in the local repository, or built in this reactor (its classes or its jar)
            boolean ours = path.contains("/org/mvtm/") || path.endsWith("/target/classes")
                    || path.matches(".*/target/[^/]+\\.jar");
            if (ours && Files.exists(module)) {
                FileTime changed = Files.isDirectory(module) ? newest(module) : modified(module);
                newest = changed.compareTo(newest) > 0 ? changed : newest;
            }
        }
        return newest;
    }

    private static FileTime newest(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(ServerLaunch::modified).max(Comparator.naturalOrder())
                    .orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

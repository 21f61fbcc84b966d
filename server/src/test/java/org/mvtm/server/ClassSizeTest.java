package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A class that grows past 500 lines usually holds several jobs (STYLE.md): every production source file of every
 * module stays at 500 lines or fewer, so a newcomer can read one in a sitting and a new job gets a class of its own.
 */
class ClassSizeTest {
    private static final int MAX_LINES = 500;

    @Test
    void noProductionClassIsOver500Lines() throws IOException {
        Path project = Path.of(System.getProperty("mvtm.project.dir", ".."));
        List<String> tooLong = new ArrayList<>();
        int read = 0;
        try (Stream<Path> modules = Files.list(project)) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        int lines = lines(file);
                        read++;
                        if (lines > MAX_LINES) {
                            tooLong.add(project.relativize(file) + " (" + lines + " lines)");
                        }
                    }
                }
            }
        }
        assertThat(read).as("production source files found under %s", project).isGreaterThan(100);
        assertThat(tooLong).as("production classes over %d lines: split them by job", MAX_LINES).isEmpty();
    }

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

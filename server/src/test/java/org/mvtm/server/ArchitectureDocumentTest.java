package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/architecture.md walks a newcomer through the code by name: the journey's bot turn, the media pipeline step by
 * step, the state machines. Every {@code Type} and {@code Type.member} it names in code quotes must still be in the
 * sources (a test, such as a contract, may be named too), so a rename or a removed step fails here instead of leaving the page describing code that is gone.
 */
class ArchitectureDocumentTest {
    /** {@code Type}, {@code Type.member}, {@code Type.member(...)}; a type is UpperCamelCase with a lower-case letter. */
    private static final Pattern REFERENCE =
            Pattern.compile("^([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?(?:\\(.*\\))?$");

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern DECLARATION =
            Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z][A-Za-z0-9]*)\\b");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?[\\w.]*\\.([A-Z]\\w*)\\s*;", Pattern.MULTILINE);

    private static final Path PROJECT = Path.of(System.getProperty("mvtm.project.dir", ".."));
    private static final Path DOCUMENT = PROJECT.resolve("docs/architecture.md");

    private static String document;
    /** Simple name → the source files that declare it (a nested type counts in the file that holds it). */
    private static final Map<String, List<String>> declared = new HashMap<>();
    /** Simple names of library types the production code imports (jain-sip, BouncyCastle, Spring ...). */
    private static final Set<String> imported = new HashSet<>();

    @BeforeAll
    static void readDocumentAndSources() throws IOException {
        document = Files.readString(DOCUMENT);
        try (Stream<Path> modules = Files.list(PROJECT)) {
            for (Path module : modules.toList()) {
                for (String sources : List.of("src/main/java", "src/test/java")) {
                    Path root = module.resolve(sources);
                    if (Files.isDirectory(root)) {
                        try (Stream<Path> files = Files.walk(root)) {
                            files.filter(f -> f.toString().endsWith(".java")).forEach(ArchitectureDocumentTest::index);
                        }
                    }
                }
            }
        }
    }

    private static void index(Path file) {
        try {
            String source = Files.readString(file);
            Matcher d = DECLARATION.matcher(source);
            while (d.find()) {
                declared.computeIfAbsent(d.group(1), k -> new ArrayList<>()).add(source);
            }
            Matcher i = IMPORT.matcher(source);
            while (i.find()) {
                imported.add(i.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "every type and member named in \"{0}\" is in the code")
    @MethodSource("sections")
    void everyTypeAndMemberTheSectionNamesExists(String heading) {
        List<String> missing = new ArrayList<>();
        for (String reference : references(section(heading))) {
            Matcher m = REFERENCE.matcher(reference);
            if (!m.matches()) {
                continue;
            }
            String type = m.group(1);
            String member = m.group(2);
            List<String> sources = declared.get(type);
            if (sources == null) {
                if (!imported.contains(type)) {
                    missing.add(reference + " (no such type)");
                }
                continue;
            }
            if (member != null && sources.stream().noneMatch(s -> declares(s, member))) {
                missing.add(reference + " (" + type + " has no " + member + ")");
            }
        }
        assertThat(missing).as("names in docs/architecture.md, \"%s\", not found in the sources", heading).isEmpty();
    }

    /** Every section of the page: the journey (with the bot turn), the media pipeline, the state machines ... */
    static Stream<String> sections() throws IOException {
        return Files.readAllLines(DOCUMENT).stream()
                .filter(line -> line.startsWith("## "))
                .map(line -> line.substring(3));
    }

    private static boolean declares(String source, String member) {
        String name = Pattern.quote(member);
        return Pattern.compile("\\b" + name + "\\s*[(=;,)}]|\\b(?:class|interface|record|enum)\\s+" + name + "\\b")
                .matcher(source)
                .find();
    }

    private static String section(String heading) {
        int start = document.indexOf("## " + heading + "\n");
        assertThat(start).as("docs/architecture.md has a section \"%s\"", heading).isNotNegative();
        int end = document.indexOf("\n## ", start + 3);
        return end < 0 ? document.substring(start) : document.substring(start, end);
    }

    private static Set<String> references(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        return found;
    }
}

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    private static final Set<String> KEYWORDS =
            Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new", "super", "this");
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

    /**
     * An arrow between names in code quotes ({@code `A.x` → `B.y`}) says that {@code A.x} calls {@code B.y}: the
     * wiring the page walks through, step by step. Names either side of an arrow may be listed with "/", "," or
     * ", then" ({@code `A.x`/`y` → `B.z`}), a bare member belonging to the type named before it; a parenthesis between
     * a name and its arrow is passed over; a type without a member stands for its whole source (left) or any mention of it (right).
     * Each name on the right must be called from a name on the left, directly or through a method of the same class,
     * and each name on the left must call one on the right.
     */
    @Test
    void everyArrowBetweenNamesIsACallInTheCode() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Arrow arrow : ArrowsOfThePage.read(document)) {
            List<String> calledFromLeft = new ArrayList<>();
            for (ArrowsOfThePage.Name from : arrow.from()) {
                String body = reachableSource(from);
                if (body == null) {
                    wrong.add(from + " (no such method body to call " + arrow.to() + ")");
                    continue;
                }
                List<ArrowsOfThePage.Name> called = arrow.to().stream().filter(to -> calls(body, to)).toList();
                if (called.isEmpty()) {
                    wrong.add(from + " calls none of " + arrow.to());
                }
                called.forEach(to -> calledFromLeft.add(to.toString()));
            }
            for (ArrowsOfThePage.Name to : arrow.to()) {
                if (!calledFromLeft.contains(to.toString())) {
                    wrong.add(to + " is called by none of " + arrow.from());
                }
            }
            checked++;
        }
        assertThat(checked).as("arrows between names read from docs/architecture.md").isGreaterThanOrEqualTo(10);
        assertThat(wrong).as("arrows in docs/architecture.md that are not calls in the code").isEmpty();
    }

    private record Arrow(List<ArrowsOfThePage.Name> from, List<ArrowsOfThePage.Name> to) {}

    /** The arrows of the page between names in code quotes. */
    private static final class ArrowsOfThePage {
        private static final Pattern MEMBER = Pattern.compile("^[a-z][A-Za-z0-9]*$");

        record Name(String type, String member) {
            @Override
            public String toString() {
                return member == null ? type : type + "." + member;
            }
        }

        /** Text outside code quotes, a name in code quotes, or an arrow. */
        private record Token(String text, boolean code) {
            boolean arrow() {
                return !code && text.equals("→");
            }

            boolean blank() {
                return !code && text.isBlank();
            }

            boolean separator() {
                return !code && List.of("/", ",", ", then").contains(text.strip());
            }
        }

        static List<Arrow> read(String document) {
            List<Token> tokens = withoutParentheses(tokens(document));
            List<Name> names = new ArrayList<>(); // each code token's name, resolved in page order (null if none)
            String lastType = null;
            for (Token t : tokens) {
                Name name = null;
                if (t.code()) {
                    Matcher m = REFERENCE.matcher(t.text());
                    if (m.matches()) {
                        lastType = m.group(1);
                        name = new Name(m.group(1), m.group(2));
                    } else if (MEMBER.matcher(t.text()).matches() && lastType != null) {
                        name = new Name(lastType, t.text());
                    }
                }
                names.add(name);
            }
            List<Arrow> arrows = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).arrow()) {
                    List<Name> from = group(tokens, names, i, -1);
                    List<Name> to = group(tokens, names, i, +1);
                    if (!from.isEmpty() && !to.isEmpty()) {
                        arrows.add(new Arrow(from, to));
                    }
                }
            }
            return arrows;
        }

        /** The names listed right before ({@code step} -1) or after (+1) the arrow at {@code at}; none if text is. */
        private static List<Name> group(List<Token> tokens, List<Name> names, int at, int step) {
            List<Name> group = new ArrayList<>();
            int i = at + step;
            while (i >= 0 && i < tokens.size() && tokens.get(i).blank()) {
                i += step;
            }
            while (i >= 0 && i < tokens.size() && tokens.get(i).code() && names.get(i) != null) {
                group.add(names.get(i));
                int next = i + step;
                if (next >= 0 && next < tokens.size() && tokens.get(next).separator()) {
                    i = next + step;
                } else {
                    break;
                }
            }
            return group;
        }

        private static List<Token> tokens(String document) {
            List<Token> tokens = new ArrayList<>();
            Matcher m = Pattern.compile("`([^`]+)`|→").matcher(document);
            int end = 0;
            while (m.find()) {
                tokens.add(new Token(document.substring(end, m.start()), false));
                tokens.add(m.group(1) != null ? new Token(m.group(1).trim(), true) : new Token("→", false));
                end = m.end();
            }
            tokens.add(new Token(document.substring(end), false));
            return tokens.stream().filter(t -> t.code() || !t.text().isEmpty()).toList();
        }

        /** Leaves out what stands in parentheses outside code quotes (asides such as "(package `sdp`)"). */
        private static List<Token> withoutParentheses(List<Token> tokens) {
            List<Token> kept = new ArrayList<>();
            int depth = 0;
            for (Token t : tokens) {
                if (t.code() || t.arrow()) {
                    if (depth == 0) {
                        kept.add(t);
                    }
                    continue;
                }
                StringBuilder outside = new StringBuilder();
                for (char c : t.text().toCharArray()) {
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth = Math.max(0, depth - 1);
                    } else if (depth == 0) {
                        outside.append(c);
                    }
                }
                if (!outside.isEmpty()) {
                    kept.add(new Token(outside.toString(), false));
                }
            }
            List<Token> merged = new ArrayList<>(); // text split by a parenthesis is one text again
            for (Token t : kept) {
                if (!t.code() && !t.arrow() && !merged.isEmpty() && !merged.getLast().code()
                        && !merged.getLast().arrow()) {
                    merged.set(merged.size() - 1, new Token(merged.getLast().text() + t.text(), false));
                } else {
                    merged.add(t);
                }
            }
            return merged;
        }
    }

    /**
     * The source a name on the left of an arrow runs: a type's whole source, or the bodies of the method (every
     * overload) with the bodies of the same class's methods those call; null if there is no such body.
     */
    private static String reachableSource(ArrowsOfThePage.Name name) {
        List<String> sources = declared.getOrDefault(name.type(), List.of());
        if (name.member() == null) {
            return sources.isEmpty() ? null : String.join("\n", sources);
        }
        StringBuilder reached = new StringBuilder();
        for (String source : sources) {
            String body = MethodBodies.of(source, name.member());
            if (body.isEmpty()) {
                continue;
            }
            reached.append(body);
            Matcher call = Pattern.compile("(?<![.\\w])([a-z][A-Za-z0-9]*)\\s*\\(").matcher(body);
            Set<String> own = new HashSet<>();
            while (call.find()) {
                own.add(call.group(1));
            }
            own.remove(name.member());
            own.removeAll(KEYWORDS); // if (...) { and the like are no methods
            own.forEach(method -> reached.append(MethodBodies.of(source, method)));
        }
        return reached.isEmpty() ? null : reached.toString();
    }

    private static boolean calls(String body, ArrowsOfThePage.Name to) {
        if (to.member() != null) {
            String m = Pattern.quote(to.member());
            return Pattern.compile("\\b" + m + "\\s*\\(|::" + m + "\\b").matcher(body).find();
        }
        return body.toLowerCase(Locale.ROOT).contains(to.type().toLowerCase(Locale.ROOT));
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

package org.mvtm.chatbot.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mvtm.chatbot.api.KnowledgeBaseException;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;

/**
 * Where the knowledge base comes from: configured files (a directory stands for its {@code *.csv}) or the shipped
 * {@code classpath:kb/banking-faq.csv}. {@link #fingerprint()} changes when any file changes.
 */
public final class KnowledgeBaseSource {
    public static final String SHIPPED = "kb/banking-faq.csv";

    private final List<Path> configured;

    public KnowledgeBaseSource(List<Path> configured) {
        this.configured = List.copyOf(configured);
    }

    public boolean shipped() {
        return configured.isEmpty();
    }

    public List<String> describe() {
        return shipped() ? List.of("classpath:" + SHIPPED) : files().stream().map(Path::toString).toList();
    }

    /** A string that differs whenever a file is added, removed, resized or touched. */
    public String fingerprint() {
        if (shipped()) {
            return "shipped";
        }
        StringBuilder sb = new StringBuilder();
        for (Path p : files()) {
            try {
                sb.append(p).append('|').append(Files.getLastModifiedTime(p).toMillis()).append('|')
                        .append(Files.size(p)).append(';');
            } catch (IOException e) {
                sb.append(p).append("|missing;");
            }
        }
        return sb.toString();
    }

    public KnowledgeBase load() {
        KnowledgeBase.Builder builder = new KnowledgeBase.Builder();
        readAll().forEach(builder::add);
        return builder.build();
    }

    /** The same rows as {@link #load()}, as one CSV per language (for the administrator's download). */
    public Map<KnowledgeBaseLanguage, String> sections() {
        return Sections.split(List.copyOf(readAll().values()));
    }

    /** Every file's records (header first), by file name, in loading order. */
    private Map<String, List<CsvReader.Record>> readAll() {
        Map<String, List<CsvReader.Record>> out = new LinkedHashMap<>();
        if (shipped()) {
            try (InputStream in = KnowledgeBaseSource.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new KnowledgeBaseException("classpath:" + SHIPPED + " is missing from the chatbot jar");
                }
                out.put("classpath:" + SHIPPED, read("classpath:" + SHIPPED, in));
            } catch (IOException e) {
                throw new KnowledgeBaseException("cannot read classpath:" + SHIPPED + ": " + e.getMessage(), e);
            }
            return out;
        }
        List<Path> files = files();
        if (files.isEmpty()) {
            throw new KnowledgeBaseException("no knowledge-base CSV file found in " + configured);
        }
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                out.put(p.toString(), read(p.toString(), in));
            } catch (IOException e) {
                throw new KnowledgeBaseException("cannot read knowledge-base file " + p + ": " + e, e);
            }
        }
        return out;
    }

    private static List<CsvReader.Record> read(String name, InputStream in) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new BufferedReader(new InputStreamReader(in, utf8))) {
            return new CsvReader(name).read(r);
        } catch (CharacterCodingException e) {
            throw new KnowledgeBaseException(name + " is not valid UTF-8: " + e.getMessage(), e);
        }
    }

    private List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path p : configured) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new KnowledgeBaseException("cannot list knowledge-base directory " + p + ": " + e, e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}

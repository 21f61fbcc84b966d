package org.mvtm.chatbot.kb;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.mvtm.chatbot.api.KnowledgeBaseArchive;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseVersion;

/**
 * Knowledge-base versions as files:
 * <pre>
 *   dir/versions/000007/version.properties   who, when, what changed
 *   dir/versions/000007/en.csv zh.csv yue.csv any.csv
 *   dir/drafts/yue.csv                        uploaded, not yet published
 * </pre>
 * A version is written into a hidden directory beside the others and renamed into place in one step, so a reader
 * sees all of it or none, and two nodes cannot both store the same number (the rename onto an existing version
 * fails). Drafts are replaced by rename as well. Directories are 0700 and files 0600.
 */
public final class FileKnowledgeBaseArchive implements KnowledgeBaseArchive {
    private static final String META = "version.properties";

    private final Path versions;
    private final Path drafts;

    public FileKnowledgeBaseArchive(Path root) {
        this.versions = root.resolve("versions");
        this.drafts = root.resolve("drafts");
        try {
            createPrivateDirectories(root);
            createPrivateDirectories(versions);
            createPrivateDirectories(drafts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the knowledge-base archive in " + root, e);
        }
    }

    @Override
    public List<KnowledgeBaseVersion> versions() {
        try (Stream<Path> s = Files.list(versions)) {
            List<KnowledgeBaseVersion> out = new ArrayList<>();
            for (Path dir : s.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                readMeta(dir).ifPresent(out::add);
            }
            out.sort(Comparator.comparingLong(KnowledgeBaseVersion::version));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + versions, e);
        }
    }

    @Override
    public Optional<Map<KnowledgeBaseLanguage, String>> sections(long version) {
        Path dir = versions.resolve(name(version));
        if (!Files.isRegularFile(dir.resolve(META))) {
            return Optional.empty();
        }
        return Optional.of(readSections(dir));
    }

    @Override
    public void store(KnowledgeBaseVersion version, Map<KnowledgeBaseLanguage, String> sections) {
        Path target = versions.resolve(name(version.version()));
        if (Files.exists(target)) {
            throw new IllegalStateException("knowledge-base version " + version.version() + " exists already");
        }
        Path tmp = versions.resolve(".tmp-" + UUID.randomUUID());
        try {
            createPrivateDirectories(tmp);
            for (Map.Entry<KnowledgeBaseLanguage, String> e : sections.entrySet()) {
                writePrivate(tmp.resolve(e.getKey().pathName() + ".csv"), e.getValue());
            }
            writePrivate(tmp.resolve(META), meta(version));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            if (Files.exists(target)) {
                throw new IllegalStateException("knowledge-base version " + version.version() + " exists already", e);
            }
            throw new UncheckedIOException("cannot store knowledge-base version " + version.version(), e);
        }
    }

    @Override
    public Map<KnowledgeBaseLanguage, String> drafts() {
        return readSections(drafts);
    }

    @Override
    public void saveDraft(KnowledgeBaseLanguage language, String csv) {
        Path tmp = drafts.resolve(".tmp-" + UUID.randomUUID());
        try {
            writePrivate(tmp, csv);
            Files.move(tmp, drafts.resolve(language.pathName() + ".csv"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot save the " + language.tag() + " draft", e);
        }
    }

    @Override
    public void discardDrafts(Collection<KnowledgeBaseLanguage> languages) {
        for (KnowledgeBaseLanguage l : languages) {
            try {
                Files.deleteIfExists(drafts.resolve(l.pathName() + ".csv"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot discard the " + l.tag() + " draft", e);
            }
        }
    }

    private static Map<KnowledgeBaseLanguage, String> readSections(Path dir) {
        Map<KnowledgeBaseLanguage, String> out = new EnumMap<>(KnowledgeBaseLanguage.class);
        for (KnowledgeBaseLanguage l : KnowledgeBaseLanguage.values()) {
            Path f = dir.resolve(l.pathName() + ".csv");
            try {
                out.put(l, Files.readString(f, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                // no rows of that language
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return out;
    }

    private static String name(long version) {
        return String.format("%06d", version);
    }

    private static String meta(KnowledgeBaseVersion v) throws IOException {
        Properties p = new Properties();
        p.setProperty("version", Long.toString(v.version()));
        p.setProperty("publishedAt", v.publishedAt().toString());
        p.setProperty("publishedBy", v.publishedBy());
        p.setProperty("changed", String.join(",", v.changed().stream().map(KnowledgeBaseLanguage::pathName).toList()));
        v.restoredFrom().ifPresent(r -> p.setProperty("restoredFrom", Long.toString(r)));
        p.setProperty("faqs", Integer.toString(v.faqs()));
        StringWriter w = new StringWriter();
        p.store(w, null);
        return w.toString();
    }

    private static Optional<KnowledgeBaseVersion> readMeta(Path dir) {
        Path f = dir.resolve(META);
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
            List<KnowledgeBaseLanguage> changed = new ArrayList<>();
            for (String c : p.getProperty("changed", "").split(",")) {
                if (!c.isBlank()) {
                    changed.add(KnowledgeBaseLanguage.parse(c));
                }
            }
            String restored = p.getProperty("restoredFrom");
            return Optional.of(new KnowledgeBaseVersion(Long.parseLong(p.getProperty("version")),
                    Instant.parse(p.getProperty("publishedAt")), p.getProperty("publishedBy"), changed,
                    restored == null ? Optional.empty() : Optional.of(Long.parseLong(restored)),
                    Integer.parseInt(p.getProperty("faqs", "0"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static void writePrivate(Path file, String text) throws IOException {
        try {
            Files.createFile(file, privateFile());
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // created by another thread or node a moment ago
        }
    }

    private static FileAttribute<?> privateFile() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover hidden directory is ignored by versions()
        }
    }
}

package org.mvtm.web.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mvtm.core.id.QueueId;
import org.mvtm.web.security.RequestRefused;
import org.springframework.http.HttpStatus;

/**
 * The documents an advisor may send, per queue: a folder per queue under the configured library directory,
 * {@code <library>/<queue>/}, holding PDFs and images (checked like any upload when sent) and form templates
 * ({@code *.form.json}). The bank manages it like any other content (a deployment or a shared volume); files are
 * read when listed and when sent, so a change needs no restart.
 */
public final class DocumentLibrary {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
    static final String FORM_SUFFIX = ".form.json";

    /** One entry of a queue's library: a document or a form. */
    public record Entry(String file, String kind, String title) {
    }

    private final Optional<Path> root;

    public DocumentLibrary(Optional<Path> root) {
        this.root = root;
    }

    /** What advisors of {@code queue} may send, by file name. */
    public List<Entry> list(QueueId queue) {
        Optional<Path> dir = folder(queue);
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.get())) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (!SAFE.matcher(name).matches()) {
                    continue;
                }
                if (name.endsWith(FORM_SUFFIX)) {
                    try {
                        entries.add(new Entry(name, "form", FormTemplate.parse(name, Files.readAllBytes(p)).title()));
                    } catch (IllegalArgumentException e) {
                        continue; // a broken template is not offered; sending it names the problem
                    }
                } else if (name.matches("(?i).*\\.(pdf|png|jpe?g)")) {
                    entries.add(new Entry(name, "document", name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the document library of queue " + queue.value(), e);
        }
        return entries;
    }

    /** The bytes of {@code file} in the library of {@code queue}. */
    public byte[] read(QueueId queue, String file) {
        if (file == null || !SAFE.matcher(file).matches()) {
            throw RequestRefused.bad("file", "names no file of the library");
        }
        Path p = folder(queue).map(d -> d.resolve(file)).filter(Files::isRegularFile).orElseThrow(() ->
                new RequestRefused(HttpStatus.NOT_FOUND, "file", "the library of queue " + queue.value()
                        + " has no " + file));
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private Optional<Path> folder(QueueId queue) {
        if (!SAFE.matcher(queue.value()).matches() || queue.value().contains("..")) {
            return Optional.empty();
        }
        return root.map(r -> r.resolve(queue.value()));
    }
}

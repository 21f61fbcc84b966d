package org.mvtm.recording.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.mvtm.core.Region;
import org.mvtm.core.digest.Digests;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditVerification;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.crypto.AtomicFiles;
import org.mvtm.recording.json.Json;

/**
 * Append-only, hash-chained audit log ({@code audit/audit.jsonl}, one JSON object per line). Each entry's
 * {@code hash} = SHA-256 of {@code previousHash + "\n" + seq|at|user|action|recording|outcome|detail}, followed by
 * {@code |regions} (sorted codes, comma-separated) when the entry concerns regions; the first entry's previous hash is
 * 64 zeros. Each append is forced to disk before the caller gets its data (fail closed:
 * when the audit cannot be written, the request fails). After each append, {@code audit.head.json} records the last
 * sequence number and hash, signed with the store's signing key, so that rewriting the file with a recomputed chain,
 * or cutting entries off its end, is detected by {@link #verify()} even after a restart. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
    public static final String GENESIS = "0".repeat(64);

    private final Path file;
    private final Path headFile;
    private final RecordingKeys keys;
    private final Clock clock;
    private final FileChannel channel;
    private long nextSeq;
    private String lastHash = GENESIS;

    public AuditLog(Path dir, Clock clock, RecordingKeys keys) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve("audit.jsonl");
        this.headFile = dir.resolve("audit.head.json");
        this.keys = keys;
        this.clock = clock;
        if (Files.exists(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                String last = null;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        last = line;
                    }
                }
                if (last != null) {
                    AuditEntry e = parse(last);
                    nextSeq = e.sequence() + 1;
                    lastHash = e.hash();
                }
            }
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (nextSeq > 0) {
            Optional<Head> head = readHead();
            // a crash between appending an entry and re-signing the head leaves the head one entry behind
            if (head.isPresent() && head.get().valid() && head.get().seq() == nextSeq - 2) {
                AuditEntry last = read(e -> e.sequence() == nextSeq - 1, 1).get(0);
                if (last.previousHash().equals(head.get().hash())) {
                    writeHead();
                }
            }
        }
    }

    private record Head(long seq, String hash, boolean valid) {
    }

    private static String headPayload(long seq, String hash) {
        return "mvtm-audit-head|" + seq + "|" + hash;
    }

    private void writeHead() throws IOException {
        long seq = nextSeq - 1;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("hash", lastHash);
        m.put("algorithm", keys.signingAlgorithm());
        m.put("keyId", keys.signingKeyId());
        m.put("signature", Base64.getEncoder().encodeToString(
                keys.sign(headPayload(seq, lastHash).getBytes(StandardCharsets.UTF_8))));
        AtomicFiles.write(headFile, Json.pretty(m).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Head> readHead() {
        if (!Files.exists(headFile)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> m = Json.parseObject(Files.readString(headFile, StandardCharsets.UTF_8));
            long seq = (Long) m.get("seq");
            String hash = (String) m.get("hash");
            boolean valid = keys.signingAlgorithm().equals(m.get("algorithm")) && keys.verify(
                    headPayload(seq, hash).getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode((String) m.get("signature")));
            return Optional.of(new Head(seq, hash, valid));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Head(-1, "", false));
        }
    }

    /** Appends one entry about {@code regions} (the recording's, or those a search covered) and forces it to disk. */
    public synchronized AuditEntry append(String userId, AuditAction action, String recording, Set<Region> regions,
                                          AuditEntry.Outcome outcome, String detail) {
        Instant at = clock.instant();
        String hash = hash(lastHash, nextSeq, at, userId, action, recording, outcome, detail, regions);
        AuditEntry e = new AuditEntry(nextSeq, at, userId, action, Optional.ofNullable(recording), outcome,
                detail == null ? "" : detail, regions, lastHash, hash);
        byte[] line = (Json.write(toJson(e)) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException ex) {
            throw new RecordingStoreException("audit log " + file + " cannot be written, refusing the request: "
                    + ex.getMessage(), ex);
        }
        nextSeq++;
        lastHash = hash;
        try {
            writeHead();
        } catch (IOException ex) {
            throw new RecordingStoreException("audit head " + headFile + " cannot be written, refusing the request: "
                    + ex.getMessage(), ex);
        }
        return e;
    }

    /** Entries matching {@code filter}, oldest first, the last {@code limit} of them. */
    public synchronized List<AuditEntry> read(Predicate<AuditEntry> filter, int limit) {
        Deque<AuditEntry> out = new ArrayDeque<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                AuditEntry e = parse(line);
                if (filter.test(e)) {
                    out.addLast(e);
                    if (out.size() > limit) {
                        out.removeFirst();
                    }
                }
            }
        } catch (IOException ex) {
            throw new RecordingStoreException("audit log " + file + " cannot be read: " + ex.getMessage(), ex);
        }
        return new ArrayList<>(out);
    }

    /** Recomputes every hash and link; reports the first entry that does not match. */
    public synchronized AuditVerification verify() {
        String previous = GENESIS;
        long expectedSeq = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                AuditEntry e;
                try {
                    e = parse(line);
                } catch (RuntimeException ex) {
                    return new AuditVerification(false, expectedSeq, Optional.of(expectedSeq),
                            "audit line " + lineNo + " is not a valid entry: " + ex.getMessage());
                }
                if (e.sequence() != expectedSeq) {
                    return new AuditVerification(false, expectedSeq, Optional.of(expectedSeq), "audit entry "
                            + expectedSeq + " is missing (line " + lineNo + " carries " + e.sequence() + ")");
                }
                if (!e.previousHash().equals(previous)) {
                    return new AuditVerification(false, expectedSeq, Optional.of(e.sequence()), "audit entry "
                            + e.sequence() + " does not link to the entry before it (an entry was removed or altered)");
                }
                String h = hash(previous, e.sequence(), e.at(), e.userId(), e.action(), e.recording().orElse(null),
                        e.outcome(), e.detail(), e.regions());
                if (!h.equals(e.hash())) {
                    return new AuditVerification(false, expectedSeq, Optional.of(e.sequence()),
                            "audit entry " + e.sequence() + " was altered (hash does not match its content)");
                }
                previous = e.hash();
                expectedSeq++;
            }
        } catch (IOException ex) {
            return new AuditVerification(false, expectedSeq, Optional.of(expectedSeq), "audit log unreadable: " + ex);
        }
        if (expectedSeq != nextSeq) {
            return new AuditVerification(false, expectedSeq, Optional.of(expectedSeq), "audit log holds "
                    + expectedSeq + " entries but " + nextSeq + " were written: entries at the end were removed");
        }
        if (expectedSeq > 0) {
            Optional<Head> head = readHead();
            if (head.isEmpty()) {
                return new AuditVerification(false, expectedSeq, Optional.of(expectedSeq - 1),
                        "the signed audit head " + headFile.getFileName() + " is missing");
            }
            if (!head.get().valid()) {
                return new AuditVerification(false, expectedSeq, Optional.of(expectedSeq - 1),
                        "the signature of the audit head is invalid");
            }
            if (head.get().seq() != expectedSeq - 1 || !head.get().hash().equals(previous)) {
                return new AuditVerification(false, expectedSeq, Optional.of(Math.min(head.get().seq(),
                        expectedSeq - 1)), "the audit log does not end at its signed head (entry " + head.get().seq()
                        + "): entries were removed or the chain was rewritten");
            }
        }
        return new AuditVerification(true, expectedSeq, Optional.empty(), "ok");
    }

    private static String hash(String previous, long seq, Instant at, String user, AuditAction action,
                               String recording, AuditEntry.Outcome outcome, String detail, Set<Region> regions) {
        String canonical = seq + "|" + at + "|" + user + "|" + action + "|" + (recording == null ? "" : recording)
                + "|" + outcome + "|" + (detail == null ? "" : detail)
                + (regions.isEmpty() ? "" : "|" + codes(regions)); // entries written before regions verify unchanged
        return Digests.sha256Hex(previous + "\n" + canonical);
    }

    private static String codes(Set<Region> regions) {
        return regions.stream().map(Region::code).sorted().collect(Collectors.joining(","));
    }

    private static Set<Region> regions(Object codes) {
        if (codes == null || ((String) codes).isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(((String) codes).split(",")).map(Region::of).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, Object> toJson(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.sequence());
        m.put("at", e.at().toString());
        m.put("user", e.userId());
        m.put("action", e.action().name());
        m.put("recording", e.recording().orElse(null));
        m.put("outcome", e.outcome().name());
        m.put("detail", e.detail());
        if (!e.regions().isEmpty()) {
            m.put("regions", codes(e.regions()));
        }
        m.put("prev", e.previousHash());
        m.put("hash", e.hash());
        return m;
    }

    private static AuditEntry parse(String line) {
        Map<String, Object> m = Json.parseObject(line);
        return new AuditEntry((Long) m.get("seq"), Instant.parse((String) m.get("at")), (String) m.get("user"),
                AuditAction.valueOf((String) m.get("action")), Optional.ofNullable((String) m.get("recording")),
                AuditEntry.Outcome.valueOf((String) m.get("outcome")), (String) m.get("detail"),
                regions(m.get("regions")), (String) m.get("prev"), (String) m.get("hash"));
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing buffered: every append was forced
        }
    }
}

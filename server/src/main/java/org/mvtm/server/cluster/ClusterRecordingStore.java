package org.mvtm.server.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mvtm.core.Region;
import org.mvtm.core.digest.Digests;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.AuditVerification;
import org.mvtm.recording.api.ChainPoint;
import org.mvtm.recording.api.DeletionNotRequestedException;
import org.mvtm.recording.api.DeletionRequest;
import org.mvtm.recording.api.ExportPackage;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingPart;
import org.mvtm.recording.api.RecordingParts;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreException;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.RetentionPolicy;
import org.mvtm.recording.api.RetentionReport;
import org.mvtm.recording.api.StoreHealth;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One compliance view over every node: a search covers this node's recordings and those of every live node, and a
 * recording this node does not hold is described, replayed, verified and exported by fetching it from the node that
 * holds it (over {@code /internal/recordings}, with the cluster secret). Recording, retention, holds and deletion stay
 * with the store of the node that recorded. A recording continued on another node after its node died
 * ({@link RecordingChains}) has a part on each: it is described, replayed, verified, held and deleted as one, each
 * node doing its own part. The owning node checks role and region and audits under the officer's name;
 * this node audits the access too, as the officer used it.
 */
public final class ClusterRecordingStore implements RecordingStore {
    private static final Logger log = LoggerFactory.getLogger(ClusterRecordingStore.class);

    private final RecordingStore local;
    private final MediaHome nodes;
    private final String secret;
    private final JsonMapper json;
    private final Path downloads;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RecordingChains chains;

    public ClusterRecordingStore(RecordingStore local, MediaHome nodes, String secret, JsonMapper json, Path downloads,
                                 RecordingChains chains) {
        this.local = local;
        this.nodes = nodes;
        this.secret = secret;
        this.json = json;
        this.downloads = downloads;
        this.chains = chains;
        local.onChainAdvanced(chains::advanced);
    }

    private List<RemoteRecordings> others() {
        return nodes.others().stream().map(n -> new RemoteRecordings(n, secret, http, json)).toList();
    }

    @Override
    public List<RecordingSummary> search(Viewer viewer, RecordingQuery query) {
        List<RecordingSummary> found = new ArrayList<>(local.search(viewer, query));
        for (RemoteRecordings node : others()) {
            try {
                List<RecordingSummary> there = json.convertValue(node.call("search", Map.of("viewer", viewer, "query", query)),
                        new TypeReference<List<RecordingSummary>>() { });
                there.forEach(this::remember);
                found.addAll(there);
            } catch (RecordingStoreException e) {
                log.warn("compliance search of {} left out node {}: {}", viewer.userId(), node.node(), e.getMessage());
            }
        }
        return RecordingPartsView.oneEntryPerRecording(found).stream()
                .sorted(Comparator.comparing((RecordingSummary r) -> r.metadata().startedAt()).reversed())
                .limit(query.limit()).toList();
    }

    /** What each reachable node that holds a part of a continued recording answered, and who could not be asked. */
    private record Gathered<T>(List<T> answers, List<String> nodes, List<String> unreachable) {
    }

    /**
     * Asks this node and every live other node for their part of a recording continued across nodes; an answer from
     * another node is audited here too. Not found anywhere: {@link RecordingNotFoundException}.
     */
    private <T> Gathered<T> everyPart(Viewer viewer, AuditAction action, RecordingId id, Function<RecordingStore, T> here,
                                      Function<RemoteRecordings, T> there) {
        List<T> answers = new ArrayList<>();
        List<String> from = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        try {
            answers.add(here.apply(local));
            from.add(nodes.self());
        } catch (RecordingNotFoundException notHere) {
            // a part on another node
        }
        for (RemoteRecordings node : others()) {
            try {
                answers.add(there.apply(node));
                from.add(node.node());
                auditHere(viewer, action, id, AuditEntry.Outcome.ALLOWED, node);
            } catch (RecordingNotFoundException notThere) {
                // no part there
            } catch (AccessDeniedException refused) {
                auditHere(viewer, action, id, AuditEntry.Outcome.DENIED, node);
                throw refused;
            } catch (LegalHoldException | DeletionNotRequestedException refused) {
                throw refused;
            } catch (RecordingStoreException e) {
                unreachable.add(node.node() + ": " + e.getMessage());
            }
        }
        if (answers.isEmpty()) {
            throw new RecordingNotFoundException("recording " + id.value() + " has no part on any reachable node"
                    + (unreachable.isEmpty() ? "" : " (" + String.join("; ", unreachable) + ")"));
        }
        return new Gathered<>(answers, from, unreachable);
    }

    /**
     * Here if this node holds the recording, else from the first live node that does; an access served by another node
     * is written to this node's audit trail too (allowed or refused), as the officer used this node.
     */
    private <T> T read(Viewer viewer, AuditAction action, RecordingId id, Function<RecordingStore, T> here,
                       Function<RemoteRecordings, T> there) {
        try {
            return here.apply(local);
        } catch (RecordingNotFoundException notHere) {
            for (RemoteRecordings node : others()) {
                try {
                    T answer = there.apply(node);
                    if (answer instanceof RecordingSummary summary) {
                        remember(summary);
                    }
                    auditHere(viewer, action, id, AuditEntry.Outcome.ALLOWED, node);
                    return answer;
                } catch (RecordingNotFoundException notThere) {
                    // the next node may hold it
                } catch (AccessDeniedException refused) {
                    auditHere(viewer, action, id, AuditEntry.Outcome.DENIED, node);
                    throw refused;
                }
            }
            throw notHere;
        }
    }

    private void auditHere(Viewer viewer, AuditAction action, RecordingId id, AuditEntry.Outcome outcome, RemoteRecordings node) {
        local.auditAction(viewer.userId(), regionOf(id, viewer), action, id.value(), outcome,
                "purpose=" + viewer.purpose() + "; held by node " + node.node());
    }

    /** The region of a recording held elsewhere, as last seen in a search or description; else the viewer's. */
    private Set<Region> regionOf(RecordingId id, Viewer viewer) {
        Region r = regions.get(id.value());
        return r != null ? Set.of(r) : viewer.regions();
    }

    private void remember(RecordingSummary summary) {
        if (regions.size() > 10_000) {
            regions.clear();
        }
        regions.put(summary.id().value(), summary.metadata().region());
    }

    private static String path(RecordingId id, String op) {
        return RemoteRecordings.segment(id.value()) + "/" + op;
    }

    /**
     * A recording read as one: gathered from every part and {@code joined} when it was continued across nodes, else
     * {@link #read} from the node that holds it.
     */
    private <T> T whole(Viewer viewer, AuditAction action, RecordingId id, Function<RecordingStore, T> here,
                        Function<RemoteRecordings, T> there, Function<List<T>, T> joined) {
        if (chains.continued(id)) {
            return joined.apply(everyPart(viewer, action, id, here, there).answers());
        }
        return read(viewer, action, id, here, there);
    }

    /** What another node answers to {@code op} on the recording for this viewer: a list of {@code type}. */
    private <T> Function<RemoteRecordings, List<T>> listFrom(RecordingId id, String op, Viewer viewer,
                                                             TypeReference<List<T>> type) {
        return n -> json.convertValue(n.call(path(id, op), Map.of("viewer", viewer)), type);
    }

    @Override
    public RecordingSummary describe(Viewer viewer, RecordingId id) {
        return whole(viewer, AuditAction.DESCRIBE, id, s -> s.describe(viewer, id),
                n -> n.call(path(id, "describe"), Map.of("viewer", viewer), RecordingSummary.class), parts -> {
                    RecordingSummary joined = RecordingPartsView.summary(parts);
                    remember(joined);
                    return joined;
                });
    }

    @Override
    public List<TimelineEntry> timeline(Viewer viewer, RecordingId id) {
        return whole(viewer, AuditAction.TIMELINE, id, s -> s.timeline(viewer, id),
                listFrom(id, "timeline", viewer, new TypeReference<List<TimelineEntry>>() { }),
                RecordingPartsView::timeline);
    }

    @Override
    public String timelineJson(Viewer viewer, RecordingId id) {
        return read(viewer, AuditAction.TIMELINE, id, s -> s.timelineJson(viewer, id),
                n -> n.call(path(id, "timeline-json"), Map.of("viewer", viewer)).asString());
    }

    @Override
    public List<LegInfo> legs(Viewer viewer, RecordingId id) {
        return whole(viewer, AuditAction.LEGS, id, s -> s.legs(viewer, id),
                listFrom(id, "legs", viewer, new TypeReference<List<LegInfo>>() { }), RecordingPartsView::legs);
    }

    /**
     * A recording continued across nodes is verified part by part on the node holding each, and each later part's
     * link to the part before it is checked ({@link RecordingParts#verify}); a part no reachable node holds is named as
     * not checked, so the whole never passes for verified while a part is out of reach.
     */
    @Override
    public VerificationResult verify(Viewer viewer, RecordingId id) {
        if (chains.continued(id)) {
            Gathered<RecordingPart> parts = everyPart(viewer, AuditAction.VERIFY, id, s -> s.verifyPart(viewer, id),
                    n -> n.call(path(id, "part"), Map.of("viewer", viewer), RecordingPart.class));
            List<RecordingPart> named = new ArrayList<>();
            for (int i = 0; i < parts.answers().size(); i++) {
                named.add(parts.answers().get(i).heldBy(parts.nodes().get(i)));
            }
            return RecordingParts.verify(id, named, parts.unreachable(), Instant.now());
        }
        return read(viewer, AuditAction.VERIFY, id, s -> s.verify(viewer, id),
                n -> n.call(path(id, "verify"), Map.of("viewer", viewer), VerificationResult.class));
    }

    @Override
    public RecordingPart verifyPart(Viewer viewer, RecordingId id) {
        return local.verifyPart(viewer, id);
    }

    /** Replay: the leg's decrypted media, fetched whole from the owning node into this node's download area. */
    @Override
    public MediaFile media(Viewer viewer, RecordingId id, String legId) {
        return read(viewer, AuditAction.REPLAY, id, s -> s.media(viewer, id, legId), n -> {
            LegInfo leg = legs(viewer, id).stream().filter(l -> l.legId().equals(legId)).findFirst()
                    .orElseThrow(() -> new RecordingNotFoundException("recording " + id.value() + " has no leg " + legId));
            byte[] bytes = n.bytes(path(id, "media/" + RemoteRecordings.segment(legId)), Map.of("viewer", viewer));
            Path file = download(id, legId, bytes);
            Duration length = leg.firstPacketAt().flatMap(f -> leg.lastPacketAt().map(l -> Duration.between(f, l)))
                    .orElse(Duration.ZERO);
            return new MediaFile(id, legId, file, bytes.length, leg.mediaType(), length);
        });
    }

    @Override
    public ExportPackage exportPackage(Viewer viewer, RecordingId id, String reason) {
        return read(viewer, AuditAction.EXPORT, id, s -> s.exportPackage(viewer, id, reason), n -> {
            byte[] bytes = n.bytes(path(id, "export"), Map.of("viewer", viewer, "reason", reason));
            Path file = download(id, "export.zip", bytes);
            return new ExportPackage(id, file, bytes.length, Digests.sha256Hex(bytes));
        });
    }

    private Path download(RecordingId id, String name, byte[] bytes) {
        try {
            Files.createDirectories(downloads);
            Path file = Files.createTempFile(downloads, id.value() + "-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
            file.toFile().deleteOnExit();
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new RecordingStoreException("cannot keep recording " + id.value() + " fetched from another node: "
                    + e.getMessage(), e);
        }
    }

    // everything else is the recording node's own business

    @Override
    public ActiveRecording start(RecordingMetadata metadata) {
        return local.start(metadata);
    }

    /** Continued here as the same recording: marked in Redis so the compliance view gathers its parts. */
    @Override
    public ActiveRecording continueRecording(RecordingMetadata metadata, ChainPoint previous, String previousNode) {
        ActiveRecording rec = local.continueRecording(metadata, previous, previousNode);
        if (rec.id().equals(previous.recording())) {
            chains.markContinued(rec.id(), previous.part() + 1);
        }
        return rec;
    }

    @Override
    public void onChainAdvanced(Consumer<ChainPoint> listener) {
        local.onChainAdvanced(listener);
    }

    @Override
    public Optional<ActiveRecording> active(InteractionId interaction) {
        return local.active(interaction);
    }

    @Override
    public List<AuditEntry> audit(Viewer viewer, AuditQuery query) {
        return local.audit(viewer, query);
    }

    @Override
    public AuditVerification verifyAudit() {
        return local.verifyAudit();
    }

    @Override
    public void legalHold(Viewer viewer, RecordingId id, boolean hold, String reason) {
        changeEveryPart(viewer, hold ? AuditAction.LEGAL_HOLD : AuditAction.RELEASE_HOLD, id,
                s -> s.legalHold(viewer, id, hold, reason), "hold",
                () -> Map.of("viewer", viewer, "hold", hold, "reason", reason));
    }

    @Override
    public DeletionRequest requestDeletion(Viewer viewer, RecordingId id, String reason) {
        return onEveryPart(viewer, AuditAction.DELETE_REQUEST, id, s -> s.requestDeletion(viewer, id, reason),
                "request-deletion", () -> Map.of("viewer", viewer, "reason", reason), DeletionRequest.class);
    }

    @Override
    public void withdrawDeletion(Viewer viewer, RecordingId id, String reason) {
        changeEveryPart(viewer, AuditAction.DELETE_WITHDRAW, id, s -> s.withdrawDeletion(viewer, id, reason),
                "withdraw-deletion", () -> Map.of("viewer", viewer, "reason", reason));
    }

    @Override
    public void approveDeletion(Viewer viewer, RecordingId id, String reason) {
        changeEveryPart(viewer, AuditAction.DELETE, id, s -> s.approveDeletion(viewer, id, reason),
                "approve-deletion", () -> Map.of("viewer", viewer, "reason", reason));
    }

    private void changeEveryPart(Viewer viewer, AuditAction action, RecordingId id, Consumer<RecordingStore> here,
                                 String op, Supplier<Map<String, Object>> body) {
        onEveryPart(viewer, action, id, s -> {
            here.accept(s);
            return true;
        }, op, body, Boolean.class);
    }

    /**
     * A legal hold or a step of a deletion: done by this node's store, or on a recording continued across nodes by
     * each node holding a part (which checks and audits it as for its own recordings); when fewer parts answered than
     * the recording has, the officer is told after the reachable ones were changed, to do it again once the others
     * are back.
     */
    private <T> T onEveryPart(Viewer viewer, AuditAction action, RecordingId id, Function<RecordingStore, T> here,
                              String op, Supplier<Map<String, Object>> body, Class<T> type) {
        if (!chains.continued(id)) {
            return here.apply(local);
        }
        Map<String, Object> sent = body.get();
        Gathered<T> done = everyPart(viewer, action, id, here, n -> n.call(path(id, op), sent, type));
        int parts = chains.parts(id);
        if (done.answers().size() < parts) {
            throw new RecordingStoreException(action + " of recording " + id.value() + " done on " + done.answers().size()
                    + " of its " + parts + " parts (held by " + String.join(", ", done.nodes()) + "); the others are on"
                    + " no reachable node (down, or deleted already)" + (done.unreachable().isEmpty() ? ""
                    : ": " + String.join("; ", done.unreachable())) + ". Do it again when their nodes are back");
        }
        return done.answers().get(0);
    }

    @Override
    public RetentionPolicy retention() {
        return local.retention();
    }

    @Override
    public RetentionPolicy setQueueRetention(Viewer viewer, QueueId queue, Optional<Duration> period, String reason) {
        return local.setQueueRetention(viewer, queue, period, reason);
    }

    @Override
    public RetentionPolicy setRegionRetention(Viewer viewer, Region region, Optional<Duration> period, String reason) {
        return local.setRegionRetention(viewer, region, period, reason);
    }

    @Override
    public void auditRefusal(String userId, Set<Region> regions, AuditAction attempted, String recording, String detail) {
        local.auditRefusal(userId, regions, attempted, recording, detail);
    }

    @Override
    public void auditAction(String userId, Set<Region> regions, AuditAction action, String recording,
                            AuditEntry.Outcome outcome, String detail) {
        local.auditAction(userId, regions, action, recording, outcome, detail);
    }

    /** The recording is annotated where the journey recorded it: the node holding the call's media. */
    @Override
    public List<RecordingId> annotate(InteractionId interaction, TimelineEntry entry) {
        return local.annotate(interaction, entry);
    }

    @Override
    public RetentionReport applyRetention(Instant now) {
        return local.applyRetention(now);
    }

    @Override
    public int rewrapDataKeys(String masterKeyId) {
        return local.rewrapDataKeys(masterKeyId);
    }

    @Override
    public StoreHealth health() {
        return local.health();
    }

    /** The local store is closed by its own bean. */
    @Override
    public void close() {
    }
}

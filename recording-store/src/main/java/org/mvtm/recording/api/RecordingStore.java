package org.mvtm.recording.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.mvtm.core.Region;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;

/**
 * Tamper-evident, encrypted compliance recordings.
 *
 * <p>Write side: {@link #start(RecordingMetadata)} returns an {@link ActiveRecording}, which is the
 * {@link org.mvtm.core.media.MediaPacketSink} handed to the media bridge, plus the session timeline.
 *
 * <p>Read side: every method takes the {@link Viewer} asking (user, roles, granted regions, stated purpose). Only
 * {@link Role#COMPLIANCE} may read recordings, and only in regions granted to the viewer; otherwise
 * {@link AccessDeniedException}. Every attempt, allowed or denied, is written to the hash-chained audit log.
 *
 * <p>Thread-safe. Read methods do file I/O (decrypt, export): call them from a worker or virtual thread, never from
 * an I/O event loop. {@link #close()} seals every active recording and releases the search index.
 */
public interface RecordingStore extends AutoCloseable {

    /** Starts recording an interaction; publishes {@link org.mvtm.core.event.RecordingStarted}. */
    ActiveRecording start(RecordingMetadata metadata);

    /**
     * Continues a recording whose node died, as its next part: the same recording id, a chain that starts from the
     * earlier part's chain head as {@code previous} says (so this part's signed chain commits to it), encrypted under
     * this store's own data key. Publishes {@link org.mvtm.core.event.RecordingStarted}.
     *
     * @param previousNode the node that recorded the earlier part (kept in the manifest, named by verification)
     */
    ActiveRecording continueRecording(RecordingMetadata metadata, ChainPoint previous, String previousNode);

    /**
     * Calls {@code listener} (on the recording's writer thread: hand work off, never block) each time a recording's
     * manifest on disk lists more segments, and once when it starts.
     */
    void onChainAdvanced(Consumer<ChainPoint> listener);

    /** The recording currently running for an interaction, if any. */
    Optional<ActiveRecording> active(InteractionId interaction);

    /** Recordings matching the query, newest first, restricted to the viewer's regions. */
    List<RecordingSummary> search(Viewer viewer, RecordingQuery query);

    /** One recording's summary (status, legs, retention, legal hold, last verification). */
    RecordingSummary describe(Viewer viewer, RecordingId id);

    /** The session timeline: chat turns, bot turns and call events, in time order. */
    List<TimelineEntry> timeline(Viewer viewer, RecordingId id);

    /** The same timeline as a JSON document (the format of {@code timeline.json} in export packages). */
    String timelineJson(Viewer viewer, RecordingId id);

    /** The recorded media legs. */
    List<LegInfo> legs(Viewer viewer, RecordingId id);

    /**
     * A playable export of one leg (WebM for VP8/Opus, WAV for G.711), generated on first replay and cached.
     * Verifies the recording first.
     *
     * @throws VerificationFailedException when the recording fails verification (replay shows it as failed)
     */
    MediaFile media(Viewer viewer, RecordingId id, String legId);

    /** Re-checks the hash chain, every segment and the manifest signature. */
    VerificationResult verify(Viewer viewer, RecordingId id);

    /**
     * Verifies the part of a recording this store holds (audited as a verification) and says where it sits among the
     * recording's parts; {@link RecordingParts#verify} checks the parts of several stores together.
     */
    RecordingPart verifyPart(Viewer viewer, RecordingId id);

    /** A zip with media, timeline JSON, manifest, signature, public key and verification result. */
    ExportPackage exportPackage(Viewer viewer, RecordingId id, String reason);

    /**
     * Audit entries matching the query (roles COMPLIANCE or ADMIN), only those about regions granted to the reader
     * ({@link AuditEntry#visibleTo}); reading the audit is itself audited.
     */
    List<AuditEntry> audit(Viewer viewer, AuditQuery query);

    /** Re-checks the audit log's hash chain. */
    AuditVerification verifyAudit();

    /** Places ({@code hold} true) or lifts a legal hold (role COMPLIANCE); a held recording is never deleted. */
    void legalHold(Viewer viewer, RecordingId id, boolean hold, String reason);

    /**
     * First pair of eyes: asks for a recording to be deleted (role COMPLIANCE or ADMIN, region granted). Nothing is
     * deleted until a different officer {@link #approveDeletion approves}; {@link RecordingSummary#deletionRequest()}
     * shows the pending request.
     *
     * @throws LegalHoldException when the recording is on legal hold
     */
    DeletionRequest requestDeletion(Viewer viewer, RecordingId id, String reason);

    /** Withdraws the pending deletion request (role COMPLIANCE or ADMIN, region granted). */
    void withdrawDeletion(Viewer viewer, RecordingId id, String reason);

    /**
     * Second pair of eyes: approves the pending deletion request of a recording and deletes it: destroys its data
     * key (crypto-shredding), removes its files and index entry. The approver must not be the requester.
     *
     * @throws AccessDeniedException          when the approver asked for the deletion themselves (or lacks role/region)
     * @throws DeletionNotRequestedException  when no deletion was requested
     * @throws LegalHoldException             when the recording was put on legal hold meanwhile
     */
    void approveDeletion(Viewer viewer, RecordingId id, String reason);

    /** The retention rules in force (configured defaults with the rules set through {@link #setQueueRetention}). */
    RetentionPolicy retention();

    /**
     * Sets ({@code period} present) or removes the retention period of a queue (role COMPLIANCE or ADMIN); audited.
     * Applies to recordings already kept as well as new ones, from the next {@link #applyRetention} run.
     *
     * @throws IllegalArgumentException when the period is shorter than a day or longer than 100 years
     */
    RetentionPolicy setQueueRetention(Viewer viewer, QueueId queue,
                                      Optional<Duration> period, String reason);

    /** Same as {@link #setQueueRetention} for a region the viewer is granted. */
    RetentionPolicy setRegionRetention(Viewer viewer, Region region,
                                       Optional<Duration> period, String reason);

    /**
     * Writes a refusal made outside the store (e.g. the web tier's authorisation layer turned the request away before
     * it reached the store) to the audit log, as the action the person attempted.
     */
    void auditRefusal(String userId, Set<Region> regions, AuditAction attempted,
                      String recording, String detail);

    /**
     * Writes an action done outside the store about a recorded interaction (a supervisor listening to a live call) to
     * the audit log; {@code recording} may be null (nothing recorded yet).
     */
    void auditAction(String userId, Set<Region> regions, AuditAction action, String recording,
                     AuditEntry.Outcome outcome, String detail);

    /**
     * Attaches an entry (the advisor's wrap-up code and notes) to the recordings of an interaction: into the timeline
     * of one still recording; to a sealed one as an annotation, encrypted with its data key and chained to its signed
     * segment chain without changing it, shown on its timeline, searchable and covered by {@link #verify}. Audited as
     * {@code ANNOTATE} by the entry's actor. Blocks on file I/O.
     *
     * @return the recordings annotated; empty when nothing of the interaction is recorded in this store
     */
    List<RecordingId> annotate(InteractionId interaction, TimelineEntry entry);

    /** Deletes every sealed recording whose retention ended before {@code now}, except those on legal hold. */
    RetentionReport applyRetention(Instant now);

    /** Re-wraps every recording's data key with master key {@code masterKeyId} (key rotation); returns the count. */
    int rewrapDataKeys(String masterKeyId);

    /** Disk failures, dropped packets, active recordings. */
    StoreHealth health();

    /** Seals all active recordings and closes the index; idempotent. */
    @Override
    void close();
}

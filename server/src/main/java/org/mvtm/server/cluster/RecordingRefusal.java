package org.mvtm.server.cluster;

import java.util.Optional;
import java.util.function.Function;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.DeletionNotRequestedException;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.springframework.http.HttpStatus;

/**
 * How a refusal of a node's recording store travels to the node that asked: the HTTP status
 * {@link InternalRecordingsController} answers for it, and the same exception {@link RemoteRecordings} throws again
 * there, with the owning node's message.
 */
enum RecordingRefusal {
    ACCESS_DENIED(AccessDeniedException.class, HttpStatus.FORBIDDEN, AccessDeniedException::new),
    NOT_FOUND(RecordingNotFoundException.class, HttpStatus.NOT_FOUND, RecordingNotFoundException::new),
    LEGAL_HOLD(LegalHoldException.class, HttpStatus.CONFLICT, LegalHoldException::new),
    DELETION_NOT_REQUESTED(DeletionNotRequestedException.class, HttpStatus.PRECONDITION_FAILED,
            DeletionNotRequestedException::new),
    BAD_REQUEST(IllegalArgumentException.class, HttpStatus.BAD_REQUEST, IllegalArgumentException::new);

    private final Class<? extends RuntimeException> type;
    private final HttpStatus status;
    private final Function<String, RuntimeException> again;

    RecordingRefusal(Class<? extends RuntimeException> type, HttpStatus status,
                     Function<String, RuntimeException> again) {
        this.type = type;
        this.status = status;
        this.again = again;
    }

    HttpStatus status() {
        return status;
    }

    /** The refusal the owning node's store made, as it travels. */
    static RecordingRefusal of(RuntimeException refused) {
        for (RecordingRefusal r : values()) {
            if (r.type.isInstance(refused)) {
                return r;
            }
        }
        throw new IllegalArgumentException("not a refusal that travels between nodes: " + refused, refused);
    }

    /** The exception to throw again on the asking node for an answer with this status, if it is a refusal. */
    static Optional<RuntimeException> answered(int status, String message) {
        for (RecordingRefusal r : values()) {
            if (r.status.value() == status) {
                return Optional.of(r.again.apply(message));
            }
        }
        return Optional.empty();
    }
}

package org.mvtm.recording.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** A media file recorded elsewhere (Kurento's recorder) to store as a leg; {@code deleteAfter} once stored. */
record FileIngest(String legId, Path file, String contentType, boolean deleteAfter) {

    static FileIngest checked(String legId, Path file, String contentType, boolean deleteAfter) {
        if (legId == null || legId.isBlank()) {
            throw new IllegalArgumentException("leg id must not be blank");
        }
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot ingest " + file + " for leg " + legId
                    + ": not a readable regular file");
        }
        if (contentType == null || !contentType.contains("/")) {
            throw new IllegalArgumentException("content type must look like video/webm but was " + contentType);
        }
        return new FileIngest(legId, file, contentType, deleteAfter);
    }
}

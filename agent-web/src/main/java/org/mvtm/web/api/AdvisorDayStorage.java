package org.mvtm.web.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where each advisor's "Today's interactions" list is kept so a restart does not lose it: a directory (one small
 * JSON file per advisor, rewritten atomically), or nowhere (memory only) when the server provides no bean of this
 * type.
 */
public record AdvisorDayStorage(Optional<Path> directory) {
    public AdvisorDayStorage {
        directory = directory == null ? Optional.empty() : directory;
    }

    public static AdvisorDayStorage in(Path directory) {
        return new AdvisorDayStorage(Optional.of(directory));
    }

    public static AdvisorDayStorage memoryOnly() {
        return new AdvisorDayStorage(Optional.empty());
    }
}

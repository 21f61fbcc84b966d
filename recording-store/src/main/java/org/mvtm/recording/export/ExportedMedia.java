package org.mvtm.recording.export;

import java.nio.file.Path;
import java.time.Duration;

/** A generated playable file. */
public record ExportedMedia(Path path, long size, String contentType, Duration duration) {
}

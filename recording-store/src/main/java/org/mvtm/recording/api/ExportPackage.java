package org.mvtm.recording.api;

import java.nio.file.Path;
import org.mvtm.core.id.RecordingId;

/**
 * A zip for regulators: {@code media/<leg>.webm|wav}, {@code timeline.json}, {@code manifest.json},
 * {@code manifest.sig}, {@code signing-public-key.pem}, {@code verification.json}, {@code README.txt}.
 *
 * @param sha256 hex SHA-256 of the zip (written to the audit entry of the export)
 */
public record ExportPackage(RecordingId recording, Path path, long size, String sha256) {
}

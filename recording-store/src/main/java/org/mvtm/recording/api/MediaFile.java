package org.mvtm.recording.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.mvtm.core.id.RecordingId;

/**
 * A playable, cached export of one leg, for HTTP range requests: serve {@link #path()} with
 * {@code Content-Type: contentType}, {@code Content-Length}/{@code Content-Range} from {@link #size()} and
 * {@link #openRange(long, long)}. The file is decrypted plaintext in the store's export cache; do not keep it.
 */
public record MediaFile(RecordingId recording, String legId, Path path, long size, String contentType,
                        Duration duration) {

    /**
     * Bytes {@code first..lastInclusive} of the file (as in {@code Range: bytes=first-last}).
     *
     * @throws IllegalArgumentException when the range is not inside the file
     */
    public InputStream openRange(long first, long lastInclusive) throws IOException {
        if (first < 0 || lastInclusive < first || lastInclusive >= size) {
            throw new IllegalArgumentException("range " + first + "-" + lastInclusive + " is outside 0-" + (size - 1));
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        ch.position(first);
        InputStream in = Channels.newInputStream(ch);
        long length = lastInclusive - first + 1;
        return new InputStream() {
            long remaining = length;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    remaining--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}

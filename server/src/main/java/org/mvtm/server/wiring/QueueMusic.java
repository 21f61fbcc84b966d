package org.mvtm.server.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mvtm.core.media.Wav;

/**
 * The default queue music: a soft, slowly repeating three-note chime (8 kHz 16-bit mono WAV) written once into the
 * data directory, so the server ships no binary media. A bank replaces it with its own recording via
 * {@code contact.media.queue-announcement}.
 */
final class QueueMusic {
    private static final int RATE = 8000;

    private QueueMusic() {
    }

    static Path ensure(Path dir) throws IOException {
        Path file = dir.resolve("queue-music.wav");
        if (Files.exists(file)) {
            return file;
        }
        double[] notes = {523.25, 659.25, 783.99, 0, 659.25, 523.25, 0, 0};
        int perNote = RATE / 2;
        short[] pcm = new short[notes.length * perNote];
        for (int n = 0; n < notes.length; n++) {
            for (int i = 0; i < perNote; i++) {
                double envelope = Math.exp(-3.0 * i / perNote);
                double v = notes[n] == 0 ? 0 : Math.sin(2 * Math.PI * notes[n] * i / RATE) * envelope * 0.25;
                pcm[n * perNote + i] = (short) (v * Short.MAX_VALUE);
            }
        }
        Path tmp = dir.resolve("queue-music.wav.tmp");
        Files.write(tmp, Wav.mono(pcm, RATE));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}

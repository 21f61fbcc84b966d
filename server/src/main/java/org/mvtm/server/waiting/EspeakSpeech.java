package org.mvtm.server.waiting;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mvtm.core.Language;

/**
 * Speech from the espeak-ng command ({@code apt-get install espeak-ng}): English ({@code en}), Mandarin
 * ({@code cmn}) and Cantonese ({@code yue}) voices, WAV on its standard output.
 */
public final class EspeakSpeech implements SpeechSynthesizer {
    private final String command;

    public EspeakSpeech(String command) {
        this.command = command;
    }

    static String voice(Language language) {
        return switch (language) {
            case EN -> "en";
            case ZH -> "cmn";
            case YUE -> "yue";
        };
    }

    @Override
    public Pcm speak(String text, Language language) throws IOException {
        Process p = new ProcessBuilder(List.of(command, "-v", voice(language), "-s", "150", "--stdout", text))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] wav = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(command + " could not speak " + language + " text (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while " + command + " spoke", e);
        }
        return Pcm.fromWav(wav);
    }
}

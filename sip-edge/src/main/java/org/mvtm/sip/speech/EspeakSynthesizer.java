package org.mvtm.sip.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.mvtm.core.Language;
import org.mvtm.sip.api.speech.CacheNames;
import org.mvtm.sip.api.speech.SpeechException;
import org.mvtm.sip.api.speech.SpeechSynthesizer;

/**
 * Debian's {@code espeak-ng} (voices {@code yue}, {@code cmn}, {@code en}), rendered by {@code sox} to 8 kHz mu-law.
 * Each (voice, text) is rendered once into {@code cacheDir} under the SHA-256 of both, written to a temporary
 * file and moved into place, so concurrent callers of one answer never read half a file. The text goes to
 * espeak-ng on standard input, never on the command line.
 */
public final class EspeakSynthesizer implements SpeechSynthesizer {
    private static final Map<Language, String> VOICES = Map.of(Language.EN, "en", Language.ZH, "cmn",
            Language.YUE, "yue");
    private final Path cacheDir;

    public EspeakSynthesizer(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    @Override
    public boolean speaks(Language language) {
        return VOICES.containsKey(language);
    }

    @Override
    public Path speak(String text, Language language) {
        String voice = VOICES.get(language);
        if (voice == null) {
            throw new SpeechException("espeak-ng has no voice for " + language);
        }
        Path target = cacheDir.resolve(voice + "-" + CacheNames.of(voice + "\n" + text) + ".ul");
        if (Files.exists(target)) {
            return target;
        }
        try {
            Files.createDirectories(cacheDir);
            Path wav = Files.createTempFile(cacheDir, "tts-", ".wav");
            Path ul = Files.createTempFile(cacheDir, "tts-", ".ul");
            try {
                Processes.run(List.of("espeak-ng", "-v", voice, "-s", "150", "--stdin", "-w", wav.toString()),
                        text.getBytes(StandardCharsets.UTF_8), 60);
                Processes.run(List.of("sox", "-D", wav.toString(), "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "ul",
                        ul.toString()), null, 60);
                Files.move(ul, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(wav);
                Files.deleteIfExists(ul);
            }
            return target;
        } catch (IOException e) {
            throw new SpeechException("cannot write speech to " + cacheDir + ": " + e.getMessage(), e);
        }
    }
}

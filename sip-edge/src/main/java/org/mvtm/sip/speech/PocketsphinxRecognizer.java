package org.mvtm.sip.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mvtm.core.Language;
import org.mvtm.sip.api.speech.SpeechException;
import org.mvtm.sip.api.speech.SpeechRecognizer;

/**
 * English speech recognition with Debian's {@code pocketsphinx} and {@code pocketsphinx-en-us} (the 16 kHz US
 * English acoustic model). A telephone utterance is raised to 16 kHz, padded with 300 ms of silence and decoded
 * against a JSGF grammar of the phrases the caller may say here (the knowledge base's English questions, the menu's
 * commands): on 8 kHz synthetic or telephone speech the model's general language model hears mostly noise words,
 * while a phrase grammar returns the phrase nearest to what was said. Words missing from the model's dictionary
 * are left out of the grammar. Without phrases the general language model is used. Half-bit dither with a fixed seed:
 * synthetic prompts hold runs of exact digital silence that upset the decoder's noise and silence estimates (it then
 * finds no path through the grammar), and a fixed seed keeps the same audio giving the same text.
 */
public final class PocketsphinxRecognizer implements SpeechRecognizer {
    private final Path model;
    private final Path workDir;
    private volatile Set<String> dictionary;

    /** {@code model}: the directory holding {@code en-us/}, {@code en-us.lm.bin} and {@code cmudict-en-us.dict}. */
    public PocketsphinxRecognizer(Path model, Path workDir) {
        this.model = model;
        this.workDir = workDir;
    }

    /** Debian's install location of {@code pocketsphinx-en-us}. */
    public static PocketsphinxRecognizer debian(Path workDir) {
        return new PocketsphinxRecognizer(Path.of("/usr/share/pocketsphinx/model/en-us"), workDir);
    }

    @Override
    public boolean recognizes(Language language) {
        return language == Language.EN;
    }

    @Override
    public Optional<String> recognize(short[] samples8k, Language language, List<String> phrases) {
        if (language != Language.EN) {
            throw new SpeechException("pocketsphinx-en-us recognises English only, not " + language);
        }
        Path wav = null;
        Path grammar = null;
        try {
            Files.createDirectories(workDir);
            wav = Files.createTempFile(workDir, "asr-", ".wav");
            Files.write(wav, wav16k(samples8k));
            List<String> command = new ArrayList<>(List.of("pocketsphinx_continuous", "-infile", wav.toString(),
                    "-hmm", model.resolve("en-us").toString(), "-dict", model.resolve("cmudict-en-us.dict").toString(),
                    "-logfn", "/dev/null", "-dither", "yes", "-seed", "1"));
            String jsgf = grammar(phrases);
            if (jsgf == null) {
                command.addAll(List.of("-lm", model.resolve("en-us.lm.bin").toString()));
            } else {
                grammar = Files.createTempFile(workDir, "asr-", ".gram");
                Files.writeString(grammar, jsgf);
                command.addAll(List.of("-jsgf", grammar.toString(), "-beam", "1e-120", "-pbeam", "1e-120",
                        "-wbeam", "1e-100"));
            }
            String out = Processes.run(command, null, 60);
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
        } catch (IOException e) {
            throw new SpeechException("pocketsphinx work files in " + workDir + ": " + e.getMessage(), e);
        } finally {
            delete(wav);
            delete(grammar);
        }
    }

    /** A JSGF grammar with one alternative per phrase, or null when no phrase has a word the model knows. */
    String grammar(List<String> phrases) throws IOException {
        Set<String> words = dictionary();
        Set<String> alternatives = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String normal = List.of(phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").split("\\s+"))
                    .stream().filter(words::contains).collect(Collectors.joining(" "));
            if (!normal.isBlank()) {
                alternatives.add(normal);
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return "#JSGF V1.0;\ngrammar ivr;\npublic <utterance> = " + String.join(" | ", alternatives) + ";\n";
    }

    private Set<String> dictionary() throws IOException {
        Set<String> d = dictionary;
        if (d == null) {
            try (var lines = Files.lines(model.resolve("cmudict-en-us.dict"), StandardCharsets.UTF_8)) {
                d = lines.map(l -> l.split("\\s+", 2)[0]).filter(w -> !w.contains("(")).collect(Collectors.toSet());
            }
            dictionary = d;
        }
        return d;
    }

    /** 16-bit mono WAV at 16 kHz (linear interpolation), with 300 ms of silence before and after. */
    static byte[] wav16k(short[] in) {
        int pad = 4800;
        int n = in.length * 2 + 2 * pad;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + 2 * n).putInt(0x45564157).putInt(0x20746d66).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2)
                .putShort((short) 16).putInt(0x61746164).putInt(2 * n);
        for (int i = 0; i < pad; i++) {
            b.putShort((short) 0);
        }
        for (int i = 0; i < in.length; i++) {
            int next = i + 1 < in.length ? in[i + 1] : in[i];
            b.putShort(in[i]).putShort((short) ((in[i] + next) / 2));
        }
        for (int i = 0; i < pad; i++) {
            b.putShort((short) 0);
        }
        return b.array();
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left behind in the work directory
            }
        }
    }
}

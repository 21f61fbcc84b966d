package org.mvtm.sip.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Language;
import org.mvtm.core.media.G711;

/** The real engines: Debian's espeak-ng (via sox to 8 kHz mu-law) and pocketsphinx with pocketsphinx-en-us. */
@Tag("peer")
class SpeechEnginesTest {
    @TempDir
    Path dir;

    static short[] decode(Path ul) throws Exception {
        byte[] bytes = Files.readAllBytes(ul);
        short[] pcm = new short[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            pcm[i] = G711.ulawToLinear(bytes[i]);
        }
        return pcm;
    }

    static double meanEnergy(short[] pcm) {
        long sum = 0;
        for (short s : pcm) {
            sum += Math.abs(s);
        }
        return pcm.length == 0 ? 0 : (double) sum / pcm.length;
    }

    @Test
    void promptsInTheThreeLanguagesAreRenderedOnceAsTelephoneAudio() throws Exception {
        EspeakSynthesizer tts = new EspeakSynthesizer(dir.resolve("tts"));
        Path yue = tts.speak("歡迎致電銀行。普通話請按2。", Language.YUE);
        Path zh = tts.speak("欢迎致电银行。", Language.ZH);
        Path en = tts.speak("For English, press 3.", Language.EN);
        for (Path p : List.of(yue, zh, en)) {
            short[] pcm = decode(p);
            assertThat(pcm.length).as(p.toString()).isGreaterThan(8000 / 2);
            assertThat(meanEnergy(pcm)).as(p.toString()).isGreaterThan(300);
        }
        long modified = Files.getLastModifiedTime(yue).toMillis();
        assertThat(tts.speak("歡迎致電銀行。普通話請按2。", Language.YUE)).isEqualTo(yue);
        assertThat(Files.getLastModifiedTime(yue).toMillis()).isEqualTo(modified);
        assertThat(tts.speak("歡迎致電銀行。普通話請按2。", Language.ZH)).isNotEqualTo(yue);
        try (var files = Files.list(dir.resolve("tts"))) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(4).allMatch(n -> n.endsWith(".ul"));
        }
    }

    @Test
    void anEnglishPromptIsRecognisedBackFromTelephoneAudio() throws Exception {
        EspeakSynthesizer tts = new EspeakSynthesizer(dir.resolve("tts"));
        PocketsphinxRecognizer asr = PocketsphinxRecognizer.debian(dir.resolve("asr"));
        List<String> phrases = List.of("for english press three", "for mandarin press two", "for an advisor press zero",
                "i lost my card", "what are your opening hours");
        short[] pcm = decode(tts.speak("For English, press 3.", Language.EN));
        assertThat(asr.recognize(pcm, Language.EN, phrases)).contains("for english press three");
        short[] lost = decode(tts.speak("I lost my card", Language.EN));
        assertThat(asr.recognize(lost, Language.EN, phrases)).contains("i lost my card");
    }
}

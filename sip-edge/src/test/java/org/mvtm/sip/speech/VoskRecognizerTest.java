package org.mvtm.sip.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Language;
import org.mvtm.sip.api.speech.SpeechException;

/**
 * The Vosk adapter against a recorded Vosk server session replayed by {@link ReplayingVoskServer}: no Mandarin or
 * Cantonese model can be installed on the build machines, so this checks the protocol (config, audio chunks, eof,
 * partial vs. final texts), not recognition.
 */
class VoskRecognizerTest {

    @Test
    void theUtteranceIsStreamedAsConfigChunksAndEofAndTheFinalTextsAreJoined() throws Exception {
        List<String> recording = Files.readAllLines(Path.of("src/test/resources/vosk/mandarin-exchange.txt"));
        try (ReplayingVoskServer server = new ReplayingVoskServer(recording)) {
            VoskRecognizer vosk = new VoskRecognizer(Map.of(Language.ZH, server.uri()), Duration.ofSeconds(20));
            short[] oneSecond = new short[8000];
            assertThat(vosk.recognize(oneSecond, Language.ZH, List.of())).contains("我的 信用卡 丢 了");
            assertThat(server.textsReceived).first().isEqualTo("{\"config\":{\"sample_rate\":8000}}");
            assertThat(server.textsReceived).last().isEqualTo("{\"eof\":1}");
            assertThat(server.audioBytesReceived).isEqualTo(16000);
            assertThat(vosk.recognizes(Language.ZH)).isTrue();
            assertThat(vosk.recognizes(Language.YUE)).isFalse();
        }
    }

    @Test
    void aLanguageWithoutServerOrAServerThatIsDownIsAClearError() {
        VoskRecognizer vosk = new VoskRecognizer(Map.of(Language.YUE, URI.create("ws://127.0.0.1:9/")),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> vosk.recognize(new short[160], Language.ZH, List.of()))
                .isInstanceOf(SpeechException.class).hasMessageContaining("no Vosk server configured for ZH");
        assertThatThrownBy(() -> vosk.recognize(new short[160], Language.YUE, List.of()))
                .isInstanceOf(SpeechException.class).hasMessageContaining("ws://127.0.0.1:9/");
    }

    @Test
    void escapedTextsAreUnescaped() {
        assertThat(VoskRecognizer.texts("{\"text\" : \"\\u6211 lost \\\"it\\\"\"}")).containsExactly("我 lost \"it\"");
        assertThat(VoskRecognizer.texts("{\"text\" : \"\"}")).isEmpty();
    }
}

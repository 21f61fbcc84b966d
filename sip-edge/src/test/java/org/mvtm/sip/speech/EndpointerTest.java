package org.mvtm.sip.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvtm.sip.api.speech.Endpointer;

class EndpointerTest {
    private static short[] frame(int amplitude) {
        short[] f = new short[160];
        for (int i = 0; i < f.length; i++) {
            f[i] = (short) (amplitude * Math.sin(2 * Math.PI * 300 * i / 8000.0));
        }
        return f;
    }

    @Test
    void anUtteranceEndsAfterItsSilenceAndKeepsTheQuietLeadIn() {
        Endpointer e = new Endpointer();
        for (int i = 0; i < 50; i++) {
            assertThat(e.frame(frame(0))).isEmpty();
        }
        for (int i = 0; i < 40; i++) {
            assertThat(e.frame(frame(3000))).isEmpty();
        }
        assertThat(e.speaking()).isTrue();
        Optional<short[]> utterance = Optional.empty();
        int quiet = 0;
        while (utterance.isEmpty()) {
            utterance = e.frame(frame(0));
            quiet++;
        }
        assertThat(quiet).isEqualTo(35);
        assertThat(utterance.get().length).isEqualTo(160 * (11 + 40 + 35));
        assertThat(e.speaking()).isFalse();
    }

    @Test
    void aClickIsNotSpeech() {
        Endpointer e = new Endpointer();
        for (int i = 0; i < 100; i++) {
            assertThat(e.frame(frame(i % 10 == 0 ? 5000 : 0))).isEmpty();
        }
        assertThat(e.speaking()).isFalse();
    }
}

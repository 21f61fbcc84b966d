package org.mvtm.chatbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentHeadTest {
    /**
     * "card_arrival" is always asked the same way (variants within 2 degrees of each other); "card_delivery" is
     * asked many ways (15 to 45 degrees). A question at 13 degrees is nearer the narrow FAQ's prototype, but it
     * lies where only the broad FAQ's variants have been seen: the head moves the boundary towards the narrow FAQ.
     */
    @Test
    void aQuestionBetweenANarrowFaqAndABroadOneGoesToTheFaqWhoseVariantsReachThatFar() {
        List<String> labels = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        for (double deg : new double[] {-2, -1, 0, 1, 2}) {
            labels.add("card_arrival");
            features.add(at(deg));
        }
        for (double deg : new double[] {15, 22, 30, 38, 45}) {
            labels.add("card_delivery");
            features.add(at(deg));
        }
        IntentHead head = IntentHead.train(labels, features, IntentHead.Settings.DEFAULT);

        float[] question = at(13);
        double nearNarrowPrototype = Math.cos(Math.toRadians(13));
        double nearBroadPrototype = Math.cos(Math.toRadians(30 - 13));
        assertThat(nearNarrowPrototype).as("the prototypes alone would pick the narrow FAQ")
                .isGreaterThan(nearBroadPrototype);
        Map<String, Double> scores = head.scores(question);
        assertThat(scores.get("card_delivery")).isGreaterThan(scores.get("card_arrival"));
        // and a question right on the narrow FAQ stays with it
        Map<String, Double> onNarrow = head.scores(at(0.5));
        assertThat(onNarrow.get("card_arrival")).isGreaterThan(onNarrow.get("card_delivery"));
    }

    @Test
    void everyVariantScoresItsOwnFaqHighest() {
        List<String> labels = List.of("a", "a", "b", "b", "c", "c");
        List<float[]> features = List.of(at(0), at(10), at(60), at(70), at(120), at(130));
        IntentHead head = IntentHead.train(labels, features, IntentHead.Settings.DEFAULT);
        assertThat(head.faqs()).isEqualTo(3);
        for (int i = 0; i < labels.size(); i++) {
            Map<String, Double> s = head.scores(features.get(i));
            String best = s.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(best).as("variant %d", i).isEqualTo(labels.get(i));
        }
    }

    @Test
    void aSingleFaqHasNothingToSeparate() {
        assertThat(IntentHead.train(List.of("a", "a"), List.of(at(0), at(5)), IntentHead.Settings.DEFAULT)).isNull();
    }

    @Test
    void featureVectorsOfDifferentSizesAreRejectedNamingTheExample() {
        assertThatThrownBy(() -> IntentHead.train(List.of("a", "b"), List.of(at(0), new float[3]),
                IntentHead.Settings.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature vector 1 has 3 dimensions, not 2");
        assertThatThrownBy(() -> IntentHead.train(List.of("a"), List.of(at(0), at(1)), IntentHead.Settings.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 labels for 2 feature vectors");
    }

    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }
}

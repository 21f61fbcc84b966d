package org.mvtm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;

class DomainValidationTest {

    @Test
    void skillLevelOutsideOneToTenIsRefusedNamingSkillAndValue() {
        assertThatThrownBy(() -> Skill.of("product.cards", 0))
                .hasMessage("skill 'product.cards' level must be between 1 and 10 but was 0");
        assertThatThrownBy(() -> Skill.of("product.cards", 11)).hasMessageContaining("but was 11");
    }

    @Test
    void malformedSkillNameIsRefused() {
        assertThatThrownBy(() -> Skill.of("Cards!", 3)).hasMessageContaining("'Cards!'");
    }

    @Test
    void languageTagsIncludingRegionalVariantsMapToServedLanguages() {
        assertThat(Language.fromTag("zh-HK")).isEqualTo(Language.YUE);
        assertThat(Language.fromTag("zh-Hans")).isEqualTo(Language.ZH);
        assertThat(Language.fromTag("EN")).isEqualTo(Language.EN);
        assertThatThrownBy(() -> Language.fromTag("fr")).hasMessage("language must be one of en, zh, yue but was 'fr'");
    }

    @Test
    void identifiersRejectBlankAndUnsafeCharacters() {
        assertThatThrownBy(() -> AgentId.of(" ")).hasMessage("AgentId must not be blank");
        assertThatThrownBy(() -> AgentId.of("a/../b")).hasMessageContaining("may contain only");
    }

    @Test
    void advisorWithSameSkillTwiceIsRefused() {
        assertThatThrownBy(() -> new Advisor(
                        AgentId.of("a1"),
                        "A",
                        Region.HK,
                        Set.of(Skill.of("lang.en", 5), Skill.of("lang.en", 7)),
                        Map.of()))
                .hasMessageContaining("lists a skill twice");
    }

    @Test
    void eventBusDeliversByTypeAndSurvivesAFailingSubscriber() {
        EventBus bus = new InProcessEventBus();
        List<ContactEvent> seen = new ArrayList<>();
        bus.subscribe(OfferAccepted.class, e -> {
            throw new IllegalStateException("boom");
        });
        var sub = bus.subscribe(OfferAccepted.class, seen::add);
        bus.publish(new AdvisorStateChanged(
                Instant.EPOCH, AgentId.of("a"), AdvisorState.READY, AdvisorState.BUSY, java.util.Optional.empty()));
        OfferAccepted accepted = new OfferAccepted(Instant.EPOCH, InteractionId.of("i1"), AgentId.of("a"));
        bus.publish(accepted);
        sub.close();
        bus.publish(accepted);
        assertThat(seen).containsExactly(accepted);
    }
}

package org.mvtm.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;

/** Test data builders. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private Fixtures() {
    }

    /** {@code advisor("alice", "lang.en:8", "product.cards:6")}. */
    static Advisor advisor(String id, String... skills) {
        Set<Skill> set = new java.util.HashSet<>();
        for (String s : skills) {
            String[] p = s.split(":");
            set.add(Skill.of(p[0], Integer.parseInt(p[1])));
        }
        return new Advisor(AgentId.of(id), id, Region.HK, set, null);
    }

    static Advisor advisor(String id, Map<Channel, Integer> capacity, String... skills) {
        Advisor a = advisor(id, skills);
        return new Advisor(a.id(), a.displayName(), a.region(), a.skills(), capacity);
    }

    static Interaction interaction(String id, String queue, Channel channel, Language language, CustomerTier tier,
                                   Instant at, String... requirements) {
        List<SkillRequirement> reqs = new ArrayList<>();
        for (String s : requirements) {
            String[] p = s.split(":");
            reqs.add(SkillRequirement.of(p[0], Integer.parseInt(p[1])));
        }
        Customer c = new Customer(CustomerId.of("c-" + id), "Customer " + id, tier, language, Region.HK);
        return new Interaction(InteractionId.of(id), ConversationId.of("conv-" + id), channel, c, language, reqs,
                QueueId.of(queue), null, at);
    }

    static Interaction voice(String id, String queue, Instant at, String... requirements) {
        return interaction(id, queue, Channel.VOICE, Language.EN, CustomerTier.STANDARD, at, requirements);
    }

    static AgentId agent(String id) {
        return AgentId.of(id);
    }

    static InteractionId ix(String id) {
        return InteractionId.of(id);
    }

    /** Records every event published to it (and still delivers to subscribers). */
    static final class RecordingBus implements EventBus {
        final org.mvtm.core.event.InProcessEventBus inner = new org.mvtm.core.event.InProcessEventBus();
        final List<ContactEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void publish(ContactEvent event) {
            events.add(event);
            inner.publish(event);
        }

        @Override
        public <E extends ContactEvent> Subscription subscribe(Class<E> type, java.util.function.Consumer<? super E> subscriber) {
            return inner.subscribe(type, subscriber);
        }

        <E extends ContactEvent> List<E> of(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        void clear() {
            events.clear();
        }
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }
}

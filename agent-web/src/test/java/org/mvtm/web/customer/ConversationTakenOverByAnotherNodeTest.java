package org.mvtm.web.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.ConversationStore;
import org.mvtm.web.api.StoredConversation;
import org.mvtm.web.api.WebUser;

/**
 * Two nodes' conversation maps over one shared store (in the cluster it is Redis, exercised by TwoNodeClusterTest):
 * the node a customer reconnects to after theirs died finds the conversation as the dead node last changed it.
 */
class ConversationTakenOverByAnotherNodeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final WebUser CHAN = WebUser.customer("chan", "{noop}x", "Chan Tai Man", Language.YUE, Region.HK,
            CustomerTier.VIP);

    /** The shared store, as Redis keeps it: a copy of each save, nothing shared by reference. */
    private static final class SharedStore implements ConversationStore {
        final Map<String, StoredConversation> kept = new ConcurrentHashMap<>();

        @Override
        public void save(StoredConversation conversation) {
            kept.put(conversation.id(), conversation);
        }

        @Override
        public Optional<StoredConversation> load(String conversationId) {
            return Optional.ofNullable(kept.get(conversationId));
        }

        @Override
        public void remove(String conversationId) {
            kept.remove(conversationId);
        }
    }

    @Test
    void aWaitingCustomerWhoseNodeDiedFindsTranscriptQueuePlaceAndLanguageOnTheOtherNode() {
        SharedStore redis = new SharedStore();
        WebConversations nodeA = new WebConversations(CLOCK, redis);
        WebConversations nodeB = new WebConversations(CLOCK, redis);

        WebConversation onA = nodeA.open(CHAN, Language.YUE);
        onA.add(new TranscriptTurn(CLOCK.instant(), TranscriptTurn.Speaker.BOT, "你好，我係銀行助理"));
        onA.add(new TranscriptTurn(CLOCK.instant(), TranscriptTurn.Speaker.CUSTOMER, "我想搵真人"));
        onA.channel(org.mvtm.core.Channel.VIDEO);
        InteractionId interaction = InteractionId.of("i-chan");
        nodeA.queued(onA, interaction);

        WebConversation onB = nodeB.resume(CHAN, onA.id().value()).orElseThrow();
        assertThat(onB.status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(onB.interaction()).contains(interaction);
        assertThat(onB.channel()).isEqualTo(org.mvtm.core.Channel.VIDEO);
        assertThat(onB.transcript()).extracting(TranscriptTurn::text).containsExactly("你好，我係銀行助理", "我想搵真人");
        assertThat(onB.customer()).isEqualTo(onA.customer());
        assertThat(nodeB.byInteraction(interaction)).as("the advisor's accept on B reaches it").contains(onB);

        // node B now holds it: its changes are what a third node would find
        onB.connected(AgentId.of("frank"), "Frank Lam");
        assertThat(new WebConversations(CLOCK, redis).resume(CHAN, onA.id().value()).orElseThrow().advisorName())
                .isEqualTo("Frank Lam");
    }

    @Test
    void nobodyResumesSomebodyElsesOrAnEndedConversation() {
        SharedStore redis = new SharedStore();
        WebConversations nodeA = new WebConversations(CLOCK, redis);
        WebConversation onA = nodeA.open(CHAN, Language.YUE);
        WebUser li = WebUser.customer("li", "{noop}x", "Li Na", Language.ZH, Region.of("SZ"), CustomerTier.PREMIER);

        assertThat(new WebConversations(CLOCK, redis).resume(li, onA.id().value())).isEmpty();

        onA.ended();
        nodeA.forget(onA);
        assertThat(redis.kept).as("an ended conversation is gone from the store").isEmpty();
        assertThat(new WebConversations(CLOCK, redis).resume(CHAN, onA.id().value())).isEmpty();
    }
}

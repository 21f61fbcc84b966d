package org.mvtm.routing.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.AssignmentExplanation;
import org.mvtm.routing.api.CandidateScore;

/**
 * Text encoding of the values the Redis store keeps: a sequence of {@code <length>:<chars>} tokens, so any text
 * (transcripts, notes) round-trips without escaping. Decoding malformed input fails with a message naming the offset.
 */
public final class RoutingCodec {
    private RoutingCodec() {
    }

    static final class Writer {
        private final StringBuilder sb = new StringBuilder(256);

        Writer put(Object o) {
            String s = String.valueOf(o);
            sb.append(s.length()).append(':').append(s);
            return this;
        }

        /** Their count, then each item written by {@code item}: what {@link Reader#list} reads. */
        <T> Writer list(Collection<T> items, BiConsumer<Writer, T> item) {
            put(items.size());
            items.forEach(i -> item.accept(this, i));
            return this;
        }

        /** Their count, then each skill and its minimum level. */
        Writer requirements(List<SkillRequirement> requirements) {
            return list(requirements, (w, r) -> w.put(r.skill()).put(r.minLevel()));
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        String next() {
            int colon = s.indexOf(':', pos);
            if (colon < 0) {
                throw new IllegalArgumentException("malformed routing record at offset " + pos + ": missing length");
            }
            int len;
            try {
                len = Integer.parseInt(s, pos, colon, 10);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed routing record at offset " + pos + ": bad length");
            }
            int start = colon + 1;
            if (len < 0 || start + len > s.length()) {
                throw new IllegalArgumentException("malformed routing record at offset " + pos + ": token runs past the end");
            }
            pos = start + len;
            return s.substring(start, start + len);
        }

        int nextInt() {
            return Integer.parseInt(next());
        }

        long nextLong() {
            return Long.parseLong(next());
        }

        /** A count, then that many items, each read by {@code item}. */
        <T> List<T> list(Function<Reader, T> item) {
            int n = nextInt();
            List<T> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(item.apply(this));
            }
            return items;
        }

        List<SkillRequirement> requirements() {
            return list(r -> SkillRequirement.of(r.next(), r.nextInt()));
        }
    }

    public static String advisor(Advisor a) {
        return new Writer().put(a.id()).put(a.displayName()).put(a.region())
                .list(a.skills(), (w, s) -> w.put(s.name()).put(s.level()))
                .list(a.capacity().entrySet(), (w, c) -> w.put(c.getKey().name()).put(c.getValue()))
                .toString();
    }

    public static Advisor advisor(String text) {
        Reader r = new Reader(text);
        AgentId id = AgentId.of(r.next());
        String name = r.next();
        Region region = Region.of(r.next());
        Set<Skill> skills = new HashSet<>(r.list(s -> Skill.of(s.next(), s.nextInt())));
        Map<Channel, Integer> cap = new EnumMap<>(Channel.class);
        r.list(c -> Map.entry(Channel.valueOf(c.next()), c.nextInt())).forEach(e -> cap.put(e.getKey(), e.getValue()));
        return new Advisor(id, name, region, skills, cap);
    }

    public static String interaction(Interaction ix) {
        Writer w = new Writer().put(ix.id()).put(ix.conversation()).put(ix.channel().name())
                .put(ix.customer().id()).put(ix.customer().displayName()).put(ix.customer().tier().name())
                .put(ix.customer().language().name()).put(ix.customer().region()).put(ix.language().name())
                .requirements(ix.requiredSkills());
        HandoffContext h = ix.handoff();
        w.put(ix.queue()).put(h.language().name()).put(h.likelyProduct().map(Product::name).orElse(""))
                .list(h.faqsTried(), Writer::put).put(h.reason().name())
                .list(h.transcript(), (t, turn) -> t.put(turn.at()).put(turn.speaker().name()).put(turn.text()));
        return w.put(ix.createdAt()).toString();
    }

    public static Interaction interaction(String text) {
        Reader r = new Reader(text);
        InteractionId id = InteractionId.of(r.next());
        ConversationId conv = ConversationId.of(r.next());
        Channel channel = Channel.valueOf(r.next());
        Customer customer = new Customer(CustomerId.of(r.next()), r.next(), CustomerTier.valueOf(r.next()),
                Language.valueOf(r.next()), Region.of(r.next()));
        Language language = Language.valueOf(r.next());
        List<SkillRequirement> reqs = r.requirements();
        QueueId queue = QueueId.of(r.next());
        Language hl = Language.valueOf(r.next());
        String product = r.next();
        List<String> faqs = r.list(Reader::next);
        HandoffContext.Reason reason = HandoffContext.Reason.valueOf(r.next());
        List<TranscriptTurn> turns = r.list(
                t -> new TranscriptTurn(Instant.parse(t.next()), TranscriptTurn.Speaker.valueOf(t.next()), t.next()));
        HandoffContext h = new HandoffContext(hl, product.isEmpty() ? Optional.empty() : Optional.of(Product.valueOf(product)),
                faqs, reason, turns);
        return new Interaction(id, conv, channel, customer, language, reqs, queue, h, Instant.parse(r.next()));
    }

    public static String explanation(AssignmentExplanation e) {
        Writer w = new Writer().put(e.at()).put(e.interaction()).put(e.queue()).put(e.chosen()).put(e.priority())
                .requirements(e.effectiveRequirements());
        w.put(e.relaxation()).put(e.decidingRule()).list(e.candidates(), (cw, c) -> cw.put(c.advisor())
                .put(c.eligible()).put(c.skillScore()).put(c.idle().toMillis()).put(c.load()).put(c.note()));
        return w.put(e.consideredCount()).toString();
    }

    public static AssignmentExplanation explanation(String text) {
        Reader r = new Reader(text);
        Instant at = Instant.parse(r.next());
        InteractionId ix = InteractionId.of(r.next());
        QueueId q = QueueId.of(r.next());
        AgentId chosen = AgentId.of(r.next());
        double priority = Double.parseDouble(r.next());
        List<SkillRequirement> reqs = r.requirements();
        String relaxation = r.next();
        String rule = r.next();
        List<CandidateScore> cands = r.list(c -> new CandidateScore(AgentId.of(c.next()),
                Boolean.parseBoolean(c.next()), Double.parseDouble(c.next()), Duration.ofMillis(c.nextLong()),
                Double.parseDouble(c.next()), c.next()));
        return new AssignmentExplanation(at, ix, q, chosen, priority, reqs, relaxation, rule, cands, r.nextInt());
    }
}

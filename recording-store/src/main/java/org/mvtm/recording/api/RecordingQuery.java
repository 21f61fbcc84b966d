package org.mvtm.recording.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;

/**
 * Search criteria; every field is optional (empty = any). {@code customer} and {@code advisor} match the id exactly
 * or words of the name; {@code text} is full text over chat and bot transcripts (English, Mandarin, Cantonese).
 * Build with {@link #builder()}.
 */
public record RecordingQuery(Optional<String> customer, Optional<String> advisor, Optional<String> queue,
                             Optional<Region> region, Optional<Channel> channel, Optional<Language> language,
                             Optional<Instant> from, Optional<Instant> to, Optional<Duration> minDuration,
                             Optional<Duration> maxDuration, Optional<String> text, int limit) {

    public RecordingQuery {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000 but was " + limit);
        }
    }

    /** The query for an audit entry; the search words are not shown, only how many characters they have. */
    public String describe() {
        return describe(t -> "[" + t.length() + " characters]");
    }

    /** The query for an audit entry, with the search words as {@code shownText} shows them (never in clear). */
    public String describe(Function<String, String> shownText) {
        StringBuilder b = new StringBuilder();
        BiConsumer<String, Optional<?>> field = (name, value) ->
                value.ifPresent(v -> b.append(name).append('=').append(v instanceof Region r ? r.code() : v).append(", "));
        field.accept("customer", customer);
        field.accept("advisor", advisor);
        field.accept("queue", queue);
        field.accept("region", region);
        field.accept("channel", channel);
        field.accept("language", language.map(Language::tag));
        field.accept("from", from);
        field.accept("to", to);
        field.accept("minDuration", minDuration);
        field.accept("maxDuration", maxDuration);
        field.accept("text", text.map(shownText));
        return b.append("limit=").append(limit).toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything the viewer may see, newest first, at most 100. */
    public static RecordingQuery all() {
        return builder().build();
    }

    public static final class Builder {
        private String customer;
        private String advisor;
        private String queue;
        private Region region;
        private Channel channel;
        private Language language;
        private Instant from;
        private Instant to;
        private Duration minDuration;
        private Duration maxDuration;
        private String text;
        private int limit = 100;

        public Builder customer(String v) { customer = v; return this; }
        public Builder advisor(String v) { advisor = v; return this; }
        public Builder queue(String v) { queue = v; return this; }
        public Builder region(Region v) { region = v; return this; }
        public Builder channel(Channel v) { channel = v; return this; }
        public Builder language(Language v) { language = v; return this; }
        /** Recordings started at or after. */
        public Builder from(Instant v) { from = v; return this; }
        /** Recordings started before. */
        public Builder to(Instant v) { to = v; return this; }
        public Builder minDuration(Duration v) { minDuration = v; return this; }
        public Builder maxDuration(Duration v) { maxDuration = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder limit(int v) { limit = v; return this; }

        public RecordingQuery build() {
            return new RecordingQuery(blank(customer), blank(advisor), blank(queue), Optional.ofNullable(region),
                    Optional.ofNullable(channel), Optional.ofNullable(language), Optional.ofNullable(from),
                    Optional.ofNullable(to), Optional.ofNullable(minDuration), Optional.ofNullable(maxDuration),
                    blank(text), limit);
        }

        private static Optional<String> blank(String s) {
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
        }
    }
}

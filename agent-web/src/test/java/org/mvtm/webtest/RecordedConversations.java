package org.mvtm.webtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.TimelineEntry;

/** Puts sealed recordings into the real (encrypted, audited) recording store the web tier serves. */
record RecordedConversations(RecordingStore store, Clock clock, Path scratch) {
    /** A sealed recording with one leg ("customer", 4 KiB of bytes 0, 1, 2, ...) and the customer's chat lines. */
    RecordingId add(String customer, String customerName, Region region, Language language, List<String> chat) {
        ActiveRecording r = store.start(new RecordingMetadata(InteractionId.random(), ConversationId.random(),
                Channel.VIDEO, CustomerId.of(customer), customerName, AgentId.of("agent-ada"), "Ada Wong",
                QueueId.of("general"), region, language, clock.instant()));
        for (String line : chat) {
            r.appendTimeline(TimelineEntry.event(clock.instant(), TimelineEntry.Kind.CUSTOMER_MESSAGE, customer, line));
        }
        try {
            byte[] bytes = new byte[4096];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
            Path file = Files.write(scratch.resolve(r.id().value() + "-customer.wav"), bytes);
            r.ingestFile("customer", file, "audio/wav");
            r.seal();
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r.id();
    }
}

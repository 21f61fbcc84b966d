package org.mvtm.web.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Queue;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.call.WebWorkers;
import org.mvtm.web.customer.CustomerPeers;
import org.mvtm.web.customer.WebConversations;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The bot hands a web customer to a queue that is closed now (outside its opening hours in its time zone, or on one of
 * its holidays): the customer stays queued, and the bot offers the queue's next free video meeting times, as a BOT line
 * in the customer's language (on the record like every bot line) and as {@code {type: appointment-offer, queue,
 * slots}} that the page shows as buttons booking that time. Offered once per interaction (a transfer keeps it), which
 * is forgotten when it ends; a queue that is open, has no opening hours, or no free time in the next 14 days gets
 * nothing.
 */
@Component
class OutsideHoursOffer implements DisposableBean {
    private static final Duration AHEAD = Duration.ofDays(14);
    private static final int SHOWN = 3;

    record Offer(String type, String queue, List<Instant> slots) {
    }

    private final Clock clock;
    private final EventBus events;
    private final AdministrationService admin;
    private final WebConversations conversations;
    private final CustomerPeers peers;
    private final WebWorkers workers;
    private final Set<InteractionId> offered = ConcurrentHashMap.newKeySet();
    private final List<EventBus.Subscription> subscriptions;

    OutsideHoursOffer(Clock clock, EventBus events, AdministrationService admin, WebConversations conversations,
                      CustomerPeers peers, WebWorkers workers) {
        this.clock = clock;
        this.events = events;
        this.admin = admin;
        this.conversations = conversations;
        this.peers = peers;
        this.workers = workers;
        this.subscriptions = List.of(
                events.subscribe(InteractionQueued.class, e -> conversations.byInteraction(e.interaction().id())
                        .filter(c -> offered.add(e.interaction().id()))
                        .ifPresent(c -> workers.run("outside hours " + c.id(),
                                () -> offer(c.id(), c.language(), e.interaction().queue().value())))),
                events.subscribe(InteractionEnded.class, e -> offered.remove(e.interaction())),
                events.subscribe(InteractionAbandoned.class, e -> offered.remove(e.interaction())));
    }

    private void offer(ConversationId conversation, Language language, String queue) {
        Instant now = clock.instant();
        Optional<Queue> q = admin.queue(queue);
        if (q.isEmpty() || open(q.get(), now)) {
            return;
        }
        List<Instant> slots = admin.appointments().freeSlots(queue, now, now.plus(AHEAD)).stream().limit(SHOWN).toList();
        if (slots.isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.of(q.get().timeZone());
        events.publishInOrder(conversation, () -> new ChatMessagePosted(clock.instant(), conversation,
                TranscriptTurn.Speaker.BOT, ChatMessagePosted.ASSISTANT, sentence(language, slots, zone), List.of()));
        peers.send(conversation, new Offer("appointment-offer", queue, slots));
    }

    /** Whether {@code queue} answers at {@code at}: not on a holiday, and within a window of that weekday if it has any. */
    static boolean open(Queue queue, Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(queue.timeZone()));
        if (queue.holidays().stream().anyMatch(h -> h.date().equals(local.toLocalDate()))) {
            return false;
        }
        if (queue.openingHours().isEmpty()) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return queue.openingHours().stream().anyMatch(h -> h.dayOfWeek() == local.getDayOfWeek().getValue()
                && !time.isBefore(h.opens()) && time.isBefore(h.closes()));
    }

    private static String sentence(Language language, List<Instant> slots, ZoneId zone) {
        Locale locale = switch (language) {
            case EN -> Locale.UK;
            case ZH -> Locale.SIMPLIFIED_CHINESE;
            case YUE -> Locale.TRADITIONAL_CHINESE;
        };
        DateTimeFormatter format = DateTimeFormatter.ofPattern(language == Language.EN ? "EEE d MMM HH:mm" : "M月d日 HH:mm",
                locale).withZone(zone);
        String times = String.join(language == Language.EN ? ", " : "、", slots.stream().map(format::format).toList());
        return switch (language) {
            case EN -> "We are outside opening hours, so an advisor may take a while. You can keep waiting, or book a "
                    + "video meeting at one of these free times: " + times + ".";
            case ZH -> "现在是非营业时间，客服可能需要较长时间。您可以继续等候，或预约以下空闲时间的视频会面：" + times + "。";
            case YUE -> "而家係非辦公時間，職員可能要等耐啲。你可以繼續等，或者預約以下有空嘅視像會面時間：" + times + "。";
        };
    }

    @Override
    public void destroy() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}

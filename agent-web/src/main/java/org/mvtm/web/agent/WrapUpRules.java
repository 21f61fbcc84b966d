package org.mvtm.web.agent;

import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Queue;
import org.mvtm.core.id.QueueId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a wrap-up must hold, by the queue's configuration in the administration module: the codes an advisor may
 * choose (the queue's wrap-up codes, or the default list when the queue has none) and whether the queue requires the
 * wrap-up (a code and notes) before the advisor is Ready again.
 */
@Component
class WrapUpRules {
    /** The codes of a queue that lists none (and of a server without a system of record). */
    static final List<Code> DEFAULT_CODES = List.of(new Code("RESOLVED", "Resolved"),
            new Code("CARD_BLOCKED", "Card blocked"), new Code("FOLLOW_UP", "Follow-up needed"),
            new Code("COMPLAINT", "Complaint"), new Code("SALES_LEAD", "Sales lead"));

    /** A code and the administrator's label for it (the console shows its own translation when it has one). */
    record Code(String code, String label) {
    }

    /** The rules of one queue. */
    record Rules(List<Code> codes, boolean required) {
        boolean allows(String code) {
            return codes.stream().anyMatch(c -> c.code().equals(code));
        }
    }

    private final Optional<AdministrationService> admin;

    WrapUpRules(ObjectProvider<AdministrationService> admin) {
        this.admin = Optional.ofNullable(admin.getIfAvailable());
    }

    Rules of(QueueId queue) {
        Optional<Queue> q = admin.flatMap(a -> a.queue(queue.value()));
        List<Code> codes = q.map(Queue::wrapUpCodes).filter(c -> !c.isEmpty())
                .map(c -> c.stream().map(x -> new Code(x.code(), x.label())).toList()).orElse(DEFAULT_CODES);
        return new Rules(codes, q.map(x -> Boolean.TRUE.equals(x.wrapUpRequired())).orElse(false));
    }
}

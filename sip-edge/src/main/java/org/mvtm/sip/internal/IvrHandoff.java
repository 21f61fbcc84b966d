package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Interaction;
import org.mvtm.core.SkillRequirement;
import org.mvtm.sip.ivr.Ivr;

/** Where a customer call meets the IVR ({@code org.mvtm.sip.ivr}): keys sent by SIP INFO, and the way out to a queue. */
final class IvrHandoff {
    private IvrHandoff() {
    }

    /**
     * The IVR hands the caller to a person: queued (with the queue music) in the language chosen, with the language's
     * and the likely product's skills, and the IVR's context and transcript, as a web hand-off is.
     */
    static void queue(CustomerCalls calls, CustomerCall call, HandoffContext context) {
        call.lock.lock();
        try {
            if (call.state() != CustomerCall.State.QUEUED) {
                return; // hung up meanwhile
            }
            Interaction was = call.interaction;
            List<SkillRequirement> skills = new ArrayList<>();
            skills.add(SkillRequirement.of(context.language().skillName(), 1));
            context.likelyProduct().ifPresent(p -> skills.add(SkillRequirement.of(p.skillName(), 1)));
            call.interaction = new Interaction(was.id(), was.conversation(), was.channel(), was.customer(),
                    context.language(), skills, was.queue(), context, was.createdAt());
            calls.queue(call);
        } finally {
            call.lock.unlock();
        }
    }

    /**
     * A SIP INFO in the caller's dialog (early or confirmed): 200, and its key to the IVR if the call is in it, else to
     * the in-queue callbacks.
     */
    static void info(SipContext sip, Ivr ivr, CallbackDialer callbacks, RequestEvent ev, ServerTransaction st,
                     CustomerCall call) {
        Request req = ev.getRequest();
        sip.respond(st, req, Response.OK);
        ContentTypeHeader ct = (ContentTypeHeader) req.getHeader(ContentTypeHeader.NAME);
        byte[] body = req.getRawContent();
        if (ct == null || body == null) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if ((ivr == null || !ivr.info(call.interaction.id(), ct.getContentSubType(), text)) && callbacks != null) {
            callbacks.info(call, ct.getContentSubType(), text);
        }
    }
}

package org.mvtm.sip.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.SharedDialog;

/**
 * The {@link SharedDialog} of an established dialog, read from the messages that established it (RFC 3261 12.1.1 for
 * the dialog we answered, 12.1.2 for the one we placed), not from the stack's own dialog object, which only this node
 * has.
 */
final class DialogRecords {
    private DialogRecords() {
    }

    /** A dialog we answered ({@code invite} from the phone, our 2xx carried {@code localTag}). */
    static SharedDialog answered(Request invite, String localTag, InteractionId interaction, Party party) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        return new SharedDialog(callId(invite), localTag, from.getTag(), to.getAddress().toString(),
                from.getAddress().toString(), contact(invite), routes(invite, false), SipContext.transportOf(invite),
                0, cseq(invite), sdp(invite), interaction, party, null);
    }

    /** A dialog we placed ({@code invite} sent by us) and the phone accepted with {@code ok}. */
    static SharedDialog placed(Request invite, Response ok, InteractionId interaction, Party party) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
        return new SharedDialog(callId(invite), from.getTag(), to.getTag(), from.getAddress().toString(),
                to.getAddress().toString(), contact(ok), routes(ok, true), SipContext.transportOf(invite),
                cseq(invite), 0, sdp(ok), interaction, party, null);
    }

    private static String callId(Message m) {
        return ((CallIdHeader) m.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static long cseq(Message m) {
        return ((CSeqHeader) m.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private static String contact(Message m) {
        ContactHeader c = (ContactHeader) m.getHeader(ContactHeader.NAME);
        if (c == null) {
            throw new IllegalArgumentException("the phone's " + (m instanceof Request r ? r.getMethod() : "response")
                    + " has no Contact: its dialog cannot be carried on elsewhere");
        }
        URI uri = c.getAddress().getURI();
        return uri.toString();
    }

    /** The route set: Record-Route in order (answered), reversed (placed). */
    private static List<String> routes(Message m, boolean reverse) {
        List<String> out = new ArrayList<>();
        ListIterator<?> it = m.getHeaders(RecordRouteHeader.NAME);
        while (it.hasNext()) {
            out.add(((RecordRouteHeader) it.next()).getAddress().toString());
        }
        if (reverse) {
            Collections.reverse(out);
        }
        return out;
    }

    private static String sdp(Message m) {
        byte[] body = m.getRawContent();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}

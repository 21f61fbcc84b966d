package org.mvtm.sip.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The customer side of one call, as raw SIP: INVITE, ACK, CANCEL, re-INVITE and BYE in one dialog. */
public final class CustomerCallScript {
    public final SipPeer peer;
    public final String queue;
    public final String callId = "call-" + UUID.randomUUID();
    public final String fromTag = "ft" + UUID.randomUUID().toString().substring(0, 8);
    public String invite;
    public String remoteTag;
    private int cseq = 1;

    public CustomerCallScript(SipPeer peer, String queue) {
        this.peer = peer;
        this.queue = queue;
    }

    public String ruri() {
        return "sip:" + queue + "@" + peer.domain;
    }

    public String to() {
        return "<" + ruri() + ">" + (remoteTag == null ? "" : ";tag=" + remoteTag);
    }

    public String sendInvite(Map<String, String> headers, String sdp) {
        invite = peer.request("INVITE", ruri(), callId, fromTag, to(), cseq, headers, "application/sdp", sdp);
        peer.raw.send(invite);
        return invite;
    }

    public String sendInvite(String sdp) {
        return sendInvite(new LinkedHashMap<>(), sdp);
    }

    /** Resends the INVITE with credentials for the 407 in {@code challenge} (new CSeq, same Call-ID). */
    public void authenticate(String challenge, String password) {
        cseq++;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Proxy-Authorization", peer.authorization(challenge, "Proxy-Authenticate", "INVITE", ruri(), password));
        sendInvite(h, RelayMedia.sdp(40000));
    }

    public void ack(String ok) {
        remoteTag = SipPeer.tag(RawSip.header(ok, "To"));
        peer.raw.send(peer.request("ACK", SipPeer.contactUri(ok), callId, fromTag, to(), cseq,
                Map.of(), null, null));
    }

    /** ACK for a non-2xx final response: same branch as the INVITE (RFC 3261 17.1.1.3). */
    public void ackFailure(String response) {
        String via = RawSip.header(invite, "Via");
        String to = "<" + ruri() + ">;tag=" + SipPeer.tag(RawSip.header(response, "To"));
        String cseqNo = RawSip.header(invite, "CSeq").split(" ")[0];
        peer.raw.send("ACK " + ruri() + " SIP/2.0\r\nVia: " + via + "\r\nMax-Forwards: 70\r\nFrom: "
                + RawSip.header(invite, "From") + "\r\nTo: " + to + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseqNo
                + " ACK\r\nContent-Length: 0\r\n\r\n");
    }

    /** CANCEL of the last INVITE: same Via branch, Call-ID, From, To and CSeq number. */
    public void cancel() {
        StringBuilder b = new StringBuilder("CANCEL " + ruri() + " SIP/2.0\r\n");
        for (String line : invite.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            String l = line.toLowerCase();
            if (l.startsWith("via:") || l.startsWith("from:") || l.startsWith("to:") || l.startsWith("call-id:")
                    || l.startsWith("max-forwards:")) {
                b.append(line).append("\r\n");
            } else if (l.startsWith("cseq:")) {
                b.append(line.replace("INVITE", "CANCEL")).append("\r\n");
            }
        }
        b.append("Content-Length: 0\r\n\r\n");
        peer.raw.send(b.toString());
    }

    public void reinvite(String target, Map<String, String> headers, String sdp) {
        peer.raw.send(peer.request("INVITE", target, callId, fromTag, to(), ++cseq, headers, "application/sdp", sdp));
    }

    public void bye(String target) {
        peer.raw.send(peer.request("BYE", target, callId, fromTag, to(), ++cseq, Map.of(), null, null));
    }
}

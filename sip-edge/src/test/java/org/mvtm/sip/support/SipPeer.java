package org.mvtm.sip.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted SIP user agent for tests, speaking raw SIP over {@link RawSip}: builds requests, answers requests,
 * and computes digest credentials (qop=auth) like a phone would.
 */
public final class SipPeer implements AutoCloseable {
    public final RawSip raw;
    public final String user;
    public final String domain;
    private int cseq = 1;
    private int nc;

    public SipPeer(RawSip raw, String user, String domain) {
        this.raw = raw;
        this.user = user;
        this.domain = domain;
    }

    public static SipPeer udp(int edgePort, String user) {
        return new SipPeer(RawSip.udp(edgePort), user, EdgeFixture.DOMAIN);
    }

    public static SipPeer tcp(int edgePort, String user) {
        return new SipPeer(RawSip.tcp(edgePort), user, EdgeFixture.DOMAIN);
    }

    public String contact() {
        return "<sip:" + user + "@127.0.0.1:" + raw.localPort()
                + (raw.transport().equals("TCP") ? ";transport=tcp" : "") + ">";
    }

    public int nextCseq() {
        return cseq++;
    }

    /** A request; {@code headers} are added after the standard ones. */
    public String request(String method, String ruri, String callId, String fromTag, String to, int cseqNo,
                          Map<String, String> headers, String contentType, String body) {
        StringBuilder b = new StringBuilder();
        b.append(method).append(' ').append(ruri).append(" SIP/2.0\r\n");
        b.append("Via: SIP/2.0/").append(raw.transport()).append(" 127.0.0.1:").append(raw.localPort())
                .append(";rport;branch=z9hG4bK").append(UUID.randomUUID().toString().replace("-", "")).append("\r\n");
        b.append("Max-Forwards: 70\r\n");
        b.append("From: <sip:").append(user).append('@').append(domain).append(">;tag=").append(fromTag).append("\r\n");
        b.append("To: ").append(to).append("\r\n");
        b.append("Call-ID: ").append(callId).append("\r\n");
        b.append("CSeq: ").append(cseqNo).append(' ').append(method).append("\r\n");
        b.append("Contact: ").append(contact()).append("\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return withBody(b, contentType, body);
    }

    /** The message of {@code headers} completed: its Content-Type (if any), Content-Length, the blank line, the body. */
    private static String withBody(StringBuilder headers, String contentType, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            headers.append("Content-Type: ").append(contentType).append("\r\n");
        }
        headers.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        if (body != null) {
            headers.append(body);
        }
        return headers.toString();
    }

    /** Sends REGISTER, answers the 401 challenge with {@code password}, returns the final response. */
    public String register(String password, int expires) {
        String callId = "reg-" + UUID.randomUUID();
        String to = "<sip:" + user + "@" + domain + ">";
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Expires", Integer.toString(expires));
        raw.send(request("REGISTER", "sip:" + domain, callId, "r" + user, to, nextCseq(), h, null, null));
        String challenge = raw.finalResponse(3000).orElseThrow();
        assertThat(RawSip.status(challenge)).as(challenge).isEqualTo(401);
        h.put("Authorization", authorization(challenge, "WWW-Authenticate", "REGISTER", "sip:" + domain, password));
        raw.send(request("REGISTER", "sip:" + domain, callId, "r" + user, to, nextCseq(), h, null, null));
        return raw.finalResponse(3000).orElseThrow();
    }

    /** Digest credentials answering the challenge in {@code response}'s {@code challengeHeader}. */
    public String authorization(String response, String challengeHeader, String method, String uri, String password) {
        String c = RawSip.header(response, challengeHeader);
        assertThat(c).as(challengeHeader + " in\n" + response).isNotNull();
        String realm = param(c, "realm");
        String nonce = param(c, "nonce");
        return digest(method, uri, password, realm, nonce, String.format("%08x", ++nc));
    }

    public String digest(String method, String uri, String password, String realm, String nonce, String ncValue) {
        String cnonce = "c" + Integer.toHexString(nonce.hashCode());
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String resp = md5(ha1 + ":" + nonce + ":" + ncValue + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\",realm=\"" + realm + "\",nonce=\"" + nonce + "\",uri=\"" + uri
                + "\",response=\"" + resp + "\",algorithm=MD5,qop=auth,nc=" + ncValue + ",cnonce=\"" + cnonce + "\"";
    }

    public static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",]+)\"?").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response to {@code request} copying Via/From/To/Call-ID/CSeq, with our To tag. */
    public String response(String request, int status, String reason, String toTag, String body) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String line : request.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            String lower = line.toLowerCase();
            if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                    || lower.startsWith("cseq:")) {
                b.append(line).append("\r\n");
            } else if (lower.startsWith("to:")) {
                b.append(line).append(line.contains(";tag=") || toTag == null ? "" : ";tag=" + toTag).append("\r\n");
            }
        }
        b.append("Contact: ").append(contact()).append("\r\n");
        return withBody(b, body == null ? null : "application/sdp", body);
    }

    /** The next request received (skipping responses) within {@code millis}. */
    public Optional<String> nextRequest(int millis) {
        return raw.next(millis, m -> RawSip.status(m) < 0);
    }

    /** The next response with exactly {@code status} within {@code millis}, skipping others. */
    public Optional<String> response(int status, int millis) {
        return raw.next(millis, m -> RawSip.status(m) == status);
    }

    /** The next request, within 3 s, is a BYE of the dialog {@code callId}: answered 200 OK and returned. */
    public String answerBye(String callId) {
        String bye = nextRequest(3000).orElseThrow(() -> new AssertionError("no BYE of " + callId + " for " + user));
        assertThat(bye).startsWith("BYE ");
        assertThat(RawSip.header(bye, "Call-ID")).as("the BYE's dialog").isEqualTo(callId);
        raw.send(response(bye, 200, "OK", null, null));
        return bye;
    }

    /** URI inside the Contact header of a message. */
    public static String contactUri(String message) {
        String c = RawSip.header(message, "Contact");
        if (c == null) {
            c = RawSip.header(message, "m");
        }
        int lt = c.indexOf('<');
        return lt >= 0 ? c.substring(lt + 1, c.indexOf('>')) : c.split(";")[0];
    }

    public static String tag(String headerValue) {
        Matcher m = Pattern.compile(";tag=([^;>\\s]+)").matcher(headerValue);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        raw.close();
    }
}

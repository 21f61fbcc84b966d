package org.mvtm.sip.internal;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Optional;

/**
 * jain-sip's parser ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}) with {@link RawRequestCheck} in front:
 * requests that break the grammar are still parsed (from a repaired copy if need be) and carry a
 * {@link RawViolation} that the listener answers, instead of being silently accepted or silently dropped.
 * Instantiated by the stack by class name.
 */
public final class CheckingParserFactory implements MessageParserFactory {
    private final StringMsgParserFactory delegate = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = delegate.createMessageParser(stack);
        return (bytes, readBody, strict, listener) -> parse(parser, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(MessageParser parser, byte[] bytes, boolean readBody, boolean strict,
                                    ParseExceptionListener listener) throws ParseException {
        Optional<RawRequestCheck.Result> check = RawRequestCheck.check(bytes, readBody);
        String[] badHeader = new String[1];
        ParseExceptionListener recording = (ex, msg, headerClass, header, message) -> {
            badHeader[0] = header;
            // with a raw violation we answer it ourselves; the channel's listener would close a TCP connection
            if (listener != null && check.isEmpty()) {
                listener.handleException(ex, msg, headerClass, header, message);
            }
        };
        SIPMessage m;
        try {
            m = parser.parseSIPMessage(bytes, readBody, strict, recording);
        } catch (ParseException | RuntimeException e) {
            if (check.isEmpty()) {
                throw e;
            }
            m = parser.parseSIPMessage(check.get().repaired(), readBody, strict, null);
        }
        if (check.isPresent() && m instanceof SIPRequest r && (r.getRequestLine() == null
                || r.getFrom() == null || r.getTo() == null || r.getTopmostVia() == null
                || r.getCallId() == null || r.getCSeq() == null)) {
            // the stack drops requests without these silently; answer from the repaired copy instead
            m = parser.parseSIPMessage(check.get().repaired(), readBody, strict, null);
        }
        if (m instanceof SIPRequest) {
            if (check.isPresent()) {
                m.setApplicationData(check.get().violation());
            } else if (badHeader[0] != null) {
                m.setApplicationData(new RawViolation(400, "malformed header field: "
                        + badHeader[0].strip().replaceAll("[\\r\\n]+", " ")));
            }
        }
        return m;
    }
}

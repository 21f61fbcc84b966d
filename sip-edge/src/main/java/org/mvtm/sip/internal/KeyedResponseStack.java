package org.mvtm.sip.internal;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.ServerResponseInterface;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * jain-sip's stack with one change: a response whose RFC 3261 branch ({@code z9hG4bK...}) matches no client
 * transaction goes straight to the dialog layer instead of being compared with every client transaction in the
 * table. jain-sip scans the whole table for such a response (a search meant for RFC 2543 peers without the magic
 * cookie); at a few hundred calls per second the table holds tens of thousands of lingering transactions, and each
 * retransmitted 200 OK from a desk phone (its client transaction is already gone) cost a full scan on a stack
 * thread. The profile at 400 calls/s had 28 % of all samples there, and the late ACKs it caused drew more
 * retransmissions: the edge collapsed. An RFC 3261 branch is matched by key alone (RFC 3261 17.1.3), so the scan can
 * never find anything the lookup did not.
 */
final class KeyedResponseStack extends SipStackImpl {

    KeyedResponseStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    @Override
    public ServerResponseInterface newSIPServerResponse(SIPResponse response, MessageChannel channel) {
        String key = response.getTransactionId();
        if (sipMessageValves.isEmpty() && key != null && key.startsWith("z9hg4bk") && findTransaction(key, false) == null) {
            return sipMessageFactory.newSIPServerResponse(response, channel);
        }
        return super.newSIPServerResponse(response, channel);
    }
}

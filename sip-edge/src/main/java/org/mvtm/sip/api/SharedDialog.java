package org.mvtm.sip.api;

import java.util.List;
import java.util.Objects;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;

/**
 * What another node needs to carry on an established SIP dialog of this edge when this node dies: the dialog's
 * identity (Call-ID and both tags), both parties' URIs, where to send requests (the peer's Contact and the route set),
 * the sequence numbers used so far, the peer's last SDP and which call and party the dialog belongs to. Seen from this
 * edge: "local" is the B2BUA's side, "remote" the phone.
 *
 * @param callId       the dialog's Call-ID
 * @param localTag     the B2BUA's tag (To tag of a call we answered, From tag of one we placed)
 * @param remoteTag    the phone's tag
 * @param localUri     the B2BUA's address as in its From of a request it sends in the dialog (no tag)
 * @param remoteUri    the phone's address as in the To of such a request (no tag)
 * @param remoteTarget the phone's Contact URI: the Request-URI of requests in the dialog
 * @param routeSet     Route header values for requests in the dialog, in order (empty without proxies)
 * @param transport    the transport of the dialog
 * @param localCseq    the last CSeq number the B2BUA used in the dialog (0: none yet)
 * @param remoteCseq   the last CSeq number the phone used
 * @param peerSdp      the phone's last SDP (offer or answer)
 * @param interaction  the call
 * @param party        whose leg of the call the dialog carries
 * @param node         the node whose edge holds the dialog (set by the {@link SharedDialogs} store)
 */
public record SharedDialog(String callId, String localTag, String remoteTag, String localUri, String remoteUri,
                           String remoteTarget, List<String> routeSet, SipTransport transport, long localCseq,
                           long remoteCseq, String peerSdp, InteractionId interaction, Party party, String node) {
    public SharedDialog {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
        Objects.requireNonNull(localUri, "localUri");
        Objects.requireNonNull(remoteUri, "remoteUri");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(Objects.requireNonNull(routeSet, "routeSet"));
        Objects.requireNonNull(transport, "transport");
        peerSdp = peerSdp == null ? "" : peerSdp;
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(party, "party");
        node = node == null ? "" : node;
    }

    /** The same dialog held by {@code holder}. */
    public SharedDialog heldBy(String holder) {
        return new SharedDialog(callId, localTag, remoteTag, localUri, remoteUri, remoteTarget, routeSet, transport,
                localCseq, remoteCseq, peerSdp, interaction, party, holder);
    }
}

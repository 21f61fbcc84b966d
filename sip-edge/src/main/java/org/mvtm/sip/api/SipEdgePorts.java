package org.mvtm.sip.api;

import java.util.Objects;
import org.mvtm.core.Region;
import org.mvtm.core.signin.SignInThrottle;

/**
 * The ports the server implements for the edge (routing and media adapters) plus the lookups with defaults.
 *
 * @param routing       REQUIRED: the server adapts RoutingEngine
 * @param media         REQUIRED: the server adapts MediaServer
 * @param registrations where bindings live ({@link RegistrationStores#inMemory()} or {@link RegistrationStores#redis})
 * @param customers     who a caller is (default {@link CustomerDirectory#standard})
 * @param advisorPhones which advisors have desk phones (default {@link AdvisorPhones#sameAsAgentId()})
 * @param conversations the chat conversation of a SIP customer (default {@link ChatConversations#perAddressOfRecord()})
 * @param signIns       the throttle of failed digest attempts, shared with the web sign-in so that a locked account
 *                      is locked on every channel (default: this edge's own, in memory, with default limits)
 * @param dialogs       where established dialogs are kept for a node that takes this node's calls over
 *                      ({@link SharedDialogs#redis}; default {@link SharedDialogs#inMemory}: one node)
 * @param backlog       whether the recording of connected calls is behind, which stops new calls (default
 *                      {@link RecordingBacklog#none()})
 */
public record SipEdgePorts(CallRouting routing, CallMedia media, RegistrationStore registrations,
                           CustomerDirectory customers, AdvisorPhones advisorPhones,
                           ChatConversations conversations, SignInThrottle signIns, SharedDialogs dialogs,
                           RecordingBacklog backlog) {
    public SipEdgePorts {
        backlog = backlog == null ? RecordingBacklog.none() : backlog;
        dialogs = dialogs == null ? SharedDialogs.inMemory("this-node") : dialogs;
        Objects.requireNonNull(routing, "routing port (CallRouting)");
        Objects.requireNonNull(media, "media port (CallMedia)");
        Objects.requireNonNull(registrations, "registrations (RegistrationStore)");
        customers = customers == null ? CustomerDirectory.standard(Region.HK) : customers;
        advisorPhones = advisorPhones == null ? AdvisorPhones.sameAsAgentId() : advisorPhones;
        conversations = conversations == null ? ChatConversations.perAddressOfRecord() : conversations;
    }

    public SipEdgePorts(CallRouting routing, CallMedia media, RegistrationStore registrations,
                        CustomerDirectory customers, AdvisorPhones advisorPhones, ChatConversations conversations) {
        this(routing, media, registrations, customers, advisorPhones, conversations, null, null, null);
    }

    /** The same ports with the sign-in throttle the server shares between the edge and the web tier. */
    public SipEdgePorts withSignIns(SignInThrottle throttle) {
        return new SipEdgePorts(routing, media, registrations, customers, advisorPhones, conversations, throttle,
                dialogs, backlog);
    }

    /** The same ports with the dialogs shared between the nodes of a cluster. */
    public SipEdgePorts withDialogs(SharedDialogs shared) {
        return new SipEdgePorts(routing, media, registrations, customers, advisorPhones, conversations, signIns,
                shared, backlog);
    }

    /** The same ports with the server's view of how far behind the recording of connected calls is. */
    public SipEdgePorts withBacklog(RecordingBacklog recordings) {
        return new SipEdgePorts(routing, media, registrations, customers, advisorPhones, conversations, signIns,
                dialogs, recordings);
    }

    /** Routing and media from the server, in-memory registrations and the default lookups. */
    public static SipEdgePorts of(CallRouting routing, CallMedia media, RegistrationStore registrations) {
        return new SipEdgePorts(routing, media, registrations, null, null, null);
    }
}

package org.mvtm.sip.api;

import java.util.Objects;

/**
 * The ports the server implements for the edge (routing and media adapters) plus the lookups with defaults.
 *
 * @param routing       REQUIRED: the server adapts RoutingEngine
 * @param media         REQUIRED: the server adapts MediaServer
 * @param registrations where bindings live ({@link RegistrationStores#inMemory()} or {@link RegistrationStores#redis})
 * @param customers     who a caller is (default {@link CustomerDirectory#standard})
 * @param advisorPhones which advisors have desk phones (default {@link AdvisorPhones#sameAsAgentId()})
 * @param conversations the chat conversation of a SIP customer (default {@link ChatConversations#perAddressOfRecord()})
 */
public record SipEdgePorts(CallRouting routing, CallMedia media, RegistrationStore registrations,
                           CustomerDirectory customers, AdvisorPhones advisorPhones,
                           ChatConversations conversations) {
    public SipEdgePorts {
        Objects.requireNonNull(routing, "routing port (CallRouting)");
        Objects.requireNonNull(media, "media port (CallMedia)");
        Objects.requireNonNull(registrations, "registrations (RegistrationStore)");
        customers = customers == null ? CustomerDirectory.standard(org.mvtm.core.Region.HK) : customers;
        advisorPhones = advisorPhones == null ? AdvisorPhones.sameAsAgentId() : advisorPhones;
        conversations = conversations == null ? ChatConversations.perAddressOfRecord() : conversations;
    }

    /** Routing and media from the server, in-memory registrations and the default lookups. */
    public static SipEdgePorts of(CallRouting routing, CallMedia media, RegistrationStore registrations) {
        return new SipEdgePorts(routing, media, registrations, null, null, null);
    }
}

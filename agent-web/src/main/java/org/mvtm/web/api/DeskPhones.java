package org.mvtm.web.api;

import org.mvtm.core.id.AgentId;

/**
 * Whether an advisor has a SIP desk phone registered right now. An advisor who works on a desk phone is reachable
 * with no console open: the web tier then neither withdraws their offers when the last console closes nor logs
 * them out after the console grace period (the phone rings; unregistering the phone logs them out). The server
 * provides it from the SIP registrations; without it nobody has a desk phone.
 */
@FunctionalInterface
public interface DeskPhones {
    boolean registered(AgentId advisor);

    static DeskPhones none() {
        return advisor -> false;
    }
}

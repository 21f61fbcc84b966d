package org.mvtm.web.appointments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mvtm.admin.api.Appointment;
import org.mvtm.core.id.AgentId;
import org.mvtm.web.agent.AdvisorNotices;
import org.mvtm.web.customer.BankAppWebhook;
import org.mvtm.web.customer.CustomerPeers;
import org.mvtm.web.customer.WebConversations;
import org.springframework.stereotype.Component;

/**
 * A booked appointment is confirmed to both sides as it is booked: {@code {type: appointment, status: BOOKED,
 * appointment}} on the advisor's open consoles (their day's list refreshes) and on the customer's open pages, and
 * {@code {event: appointment.booked, ...}} to the bank's app webhook, for a push notification to the customer's phone.
 * Consoles and pages attached to another node of a cluster see it at their next refresh.
 */
@Component
record AppointmentConfirmations(AdvisorNotices advisors, WebConversations conversations, CustomerPeers peers,
                                BankAppWebhook app) {
    record Booked(String type, String status, Appointment appointment) {
    }

    void booked(Appointment a) {
        Booked message = new Booked("appointment", "BOOKED", a);
        advisors.send(AgentId.of(a.advisor()), message);
        conversations.openOf(a.customer()).forEach(c -> peers.send(c.id(), message));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "appointment.booked");
        body.put("appointmentId", a.id());
        body.put("customer", a.customer());
        body.put("advisor", a.advisor());
        body.put("queue", a.queue());
        body.put("startsAt", a.startsAt().toString());
        body.put("endsAt", a.endsAt().toString());
        app.post(body, "appointment " + a.id());
    }
}

package org.mvtm.server.wiring;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.User;
import org.mvtm.core.Region;
import org.mvtm.core.event.CallMonitored;
import org.mvtm.core.event.CallParticipation;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.sip.api.CallRouting;

/**
 * The server's side of the monitoring feature codes of a supervisor's SIP desk phone ({@code *44}/{@code *45}/
 * {@code *46} + the advisor's extension, handled by the sip-edge's {@code SupervisorPhones}), with the same rules as
 * the supervisor board: only an enabled supervisor, only a connected call of the advisor's in the supervisor's
 * regions; every start, refusal and stop is a MONITOR entry of the recordings' audit log, and the start and stop are
 * published ({@link CallMonitored}, {@link CallParticipation} via {@code sip}) for the recording's timeline. The
 * advisor's extension is their SIP user, which is their advisor id (as for offers to desk phones).
 */
record SipDeskMonitoring(AdministrationService admin, RoutingEngine routing, RecordingStore recordings, EventBus bus,
                         Clock clock) {
    CallRouting.Monitoring start(String supervisor, String extension, String mode) {
        Optional<User> user = admin.user(supervisor).filter(u -> u.enabled() && u.roles().contains(Role.SUPERVISOR));
        if (user.isEmpty()) {
            audit(supervisor, Set.of(), null, AuditEntry.Outcome.DENIED, "monitor " + extension + " by desk phone: "
                    + supervisor + " is not a supervisor");
            return CallRouting.Monitoring.refused(403, supervisor + " is not a supervisor");
        }
        AgentId advisor = AgentId.of(extension);
        Optional<InteractionView> call = routing.advisorStats().stream().filter(s -> s.advisor().equals(advisor))
                .flatMap(s -> s.current().stream()).flatMap(id -> routing.interaction(id).stream())
                .filter(v -> v.status() == InteractionStatus.CONNECTED && v.interaction().channel().hasMedia())
                .findFirst();
        if (call.isEmpty()) {
            return CallRouting.Monitoring.refused(404, "advisor " + extension + " has no call in progress");
        }
        InteractionId id = call.get().interaction().id();
        Region region = call.get().interaction().customer().region();
        if (!user.get().regions().contains(region.code())) {
            audit(supervisor, Set.of(region), id, AuditEntry.Outcome.DENIED, "monitor " + id.value()
                    + " by desk phone: region " + region.code() + " is not among " + supervisor + "'s regions");
            return CallRouting.Monitoring.refused(403, "the call is in region " + region.code()
                    + ", outside your regions");
        }
        audit(supervisor, Set.of(region), id, AuditEntry.Outcome.ALLOWED, "monitor " + id.value() + " " + mode
                + " by desk phone");
        bus.publish(new CallParticipation(clock.instant(), id, supervisor, CallParticipation.Role.SUPERVISOR,
                CallParticipation.SIP, true));
        bus.publish(new CallMonitored(clock.instant(), id, supervisor, mode, true));
        return CallRouting.Monitoring.allowed(id);
    }

    void stopped(InteractionId interaction, String supervisor) {
        Set<Region> region = routing.interaction(interaction).map(v -> Set.of(v.interaction().customer().region()))
                .orElse(Set.of());
        audit(supervisor, region, interaction, AuditEntry.Outcome.ALLOWED, "monitor " + interaction.value()
                + " STOPPED by desk phone");
        bus.publish(new CallMonitored(clock.instant(), interaction, supervisor, "STOPPED", false));
        bus.publish(new CallParticipation(clock.instant(), interaction, supervisor, CallParticipation.Role.SUPERVISOR,
                CallParticipation.SIP, false));
    }

    private void audit(String supervisor, Set<Region> regions, InteractionId call, AuditEntry.Outcome outcome,
                       String detail) {
        String recording = call == null ? null : recordings.active(call).map(r -> r.id().value()).orElse(null);
        recordings.auditAction(supervisor, regions, AuditAction.MONITOR, recording, outcome, detail);
    }
}

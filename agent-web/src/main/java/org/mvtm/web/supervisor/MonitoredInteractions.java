package org.mvtm.web.supervisor;

import java.util.Set;
import org.mvtm.core.id.InteractionId;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.CallRefused;

/**
 * The connected interactions a supervisor may monitor, whether they listen to a call ({@link CallMonitoring}) or read
 * a chat ({@link ChatMonitoring}): those of their regions. What they do is a MONITOR entry of the audit log, and so
 * is a refusal for another region's interaction.
 */
final class MonitoredInteractions {
    private MonitoredInteractions() {
    }

    /**
     * The connected {@code interaction} the supervisor asks to {@code action} ("monitor", "read chat"): refused as
     * "no connected {@code kind}" (404) when there is none, and (audited) as outside their regions (403).
     */
    static InteractionView connected(RoutingEngine routing, RecordingStore recordings, WebUser supervisor,
                                     InteractionId interaction, String kind, String action) {
        InteractionView view = routing.interaction(interaction)
                .filter(v -> v.status() == InteractionStatus.CONNECTED)
                .orElseThrow(() -> CallRefused.notFound("no connected " + kind + " " + interaction.value()));
        var region = view.interaction().customer().region();
        if (!supervisor.maySee(region)) {
            audit(recordings, supervisor, view, AuditEntry.Outcome.DENIED, action + " " + interaction.value()
                    + ": region " + region.code() + " is not among " + supervisor.username() + "'s regions");
            throw CallRefused.forbidden("interaction " + interaction.value() + " is in region " + region.code()
                    + ", outside your regions");
        }
        return view;
    }

    /** What the supervisor did on {@code view}'s interaction: a MONITOR entry of the audit log, allowed. */
    static void audit(RecordingStore recordings, WebUser supervisor, InteractionView view, String detail) {
        audit(recordings, supervisor, view, AuditEntry.Outcome.ALLOWED, detail);
    }

    private static void audit(RecordingStore recordings, WebUser supervisor, InteractionView view,
                              AuditEntry.Outcome outcome, String detail) {
        InteractionId id = view.interaction().id();
        recordings.auditAction(supervisor.username(), Set.of(view.interaction().customer().region()),
                AuditAction.MONITOR, recordings.active(id).map(r -> r.id().value()).orElse(null), outcome, detail);
    }
}

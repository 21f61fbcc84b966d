package org.mvtm.server;

import org.mvtm.server.config.ContactProperties;
import org.mvtm.admin.api.AdministrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where to go once the server is ready: the consoles, the SIP address and the demo logins. */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ContactProperties properties;
    private final AdministrationService admin;

    StartupReport(ContactProperties properties, AdministrationService admin) {
        this.properties = properties;
        this.admin = admin;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String url = properties.publicUrl().isEmpty()
                ? "http://localhost:" + event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080")
                : properties.publicUrl();
        StringBuilder b = new StringBuilder();
        b.append("\n\n  mVTM contact center is ready (node ").append(properties.nodeId()).append(")\n");
        b.append("  Customer demo page : ").append(url).append("/customer\n");
        b.append("  Advisor console    : ").append(url).append("/agent\n");
        b.append("  Supervisor         : ").append(url).append("/supervisor\n");
        b.append("  Compliance console : ").append(url).append("/compliance\n");
        b.append("  Health             : ").append(url).append("/actuator/health\n");
        var sip = properties.sip();
        b.append("  SIP                : sip:<queue>@").append(sip.advertisedAddress()).append(':').append(sip.udpPort())
                .append(" (UDP/TCP), queues ").append(String.join(", ", admin.queues().stream().map(q -> q.id()).toList()))
                .append('\n');
        b.append("  Administration API : ").append(url).append("/api/admin/openapi.yaml\n");
        if (properties.demo().enabled()) {
            b.append("  Demo logins (web password 'demo1234'; SIP password phone-<login>-1234 for advisors and customers):\n");
            for (var user : admin.users()) {
                b.append(String.format("    %-8s %-22s %s%n", user.username(),
                        user.roles().stream().map(Enum::name).sorted().toList(), user.displayName()));
            }
        }
        log.info(b.toString());
    }
}

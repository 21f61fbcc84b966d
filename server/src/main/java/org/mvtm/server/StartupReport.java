package org.mvtm.server;

import java.util.Comparator;
import java.util.List;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.server.config.ContactProperties;
import org.mvtm.server.demo.DemoSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints where to go once the server is ready: the consoles, the SIP addresses as the README writes them, a SIP
 * phone line to copy, the demo logins, and what a browser on another machine needs.
 */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    /** The demo seed's web password and the SIP password pattern of its advisors and customers. */
    static final String DEMO_WEB_PASSWORD = DemoSeed.PUBLISHED_PASSWORD;

    /** One line of the demo logins table. */
    record Login(String username, String roles, String displayName) {
    }

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
        var sip = properties.sip();
        // the general queue first: the README's SIP line dials it
        List<String> queues = admin.queues().stream().map(q -> q.id())
                .sorted(Comparator.comparing((String q) -> !q.equals("general"))).toList();
        List<Login> logins = properties.demo().enabled()
                ? admin.users().stream().map(u -> new Login(u.username(),
                        String.join(",", u.roles().stream().map(Enum::name).sorted().toList()), u.displayName())).toList()
                : List.of();
        log.info(text(url, properties.nodeId(), sip.advertisedAddress(), sip.udpPort(), queues,
                properties.media().publicAddress(), logins));
    }

    /** The report itself (the README quotes its SIP lines, so a test keeps both the same). */
    static String text(String url, String node, String sipHost, int sipPort, List<String> queues, String mediaAddress,
                       List<Login> logins) {
        StringBuilder b = new StringBuilder();
        b.append("\n\n  mVTM contact center is ready (node ").append(node).append(")\n");
        b.append("  Customer demo page : ").append(url).append("/customer\n");
        b.append("  Advisor console    : ").append(url).append("/agent\n");
        b.append("  Supervisor         : ").append(url).append("/supervisor\n");
        b.append("  Compliance console : ").append(url).append("/compliance\n");
        b.append("  Admin console      : ").append(url).append("/admin\n");
        b.append("  Health             : ").append(url).append("/actuator/health\n");
        b.append("  Administration API : ").append(url).append("/api/admin/openapi.yaml\n");
        String queue = queues.isEmpty() ? "<queue>" : queues.get(0);
        b.append("  SIP (UDP and TCP)  : ").append(sipUri(queue, sipHost, sipPort));
        if (queues.size() > 1) {
            b.append(", also ").append(String.join(", ", queues.subList(1, queues.size()).stream()
                    .map(q -> sipUri(q, sipHost, sipPort)).toList()));
        }
        b.append('\n');
        if (!logins.isEmpty()) {
            b.append("  SIP phone          : advisors and customers as <login> with password phone-<login>-1234,\n")
                    .append("                       e.g. the customer chan with baresip:\n");
            b.append("    ").append(baresipAccount(sipHost)).append('\n');
            b.append("    ").append(baresipDial(queue, sipHost, sipPort)).append('\n');
        }
        if (mediaAddress.isBlank()) {
            b.append("  Video and voice    : offered on this machine's network addresses; behind NAT or a load\n")
                    .append("                       balancer start with --contact.media.public-address=<address browsers reach>\n");
        } else if (mediaAddress.equals("127.0.0.1") || mediaAddress.equals("localhost") || mediaAddress.equals("::1")) {
            b.append("  Video and voice    : browsers on this machine only (media on ").append(mediaAddress)
                    .append("); for browsers on other machines, and for Firefox,\n")
                    .append("                       start with --contact.media.public-address=<this machine's LAN address>\n");
        }
        if (!logins.isEmpty()) {
            b.append("  Demo logins (web password '").append(DEMO_WEB_PASSWORD).append("'):\n");
            for (Login login : logins) {
                b.append(String.format("    %-8s %-22s %s%n", login.username(), login.roles(), login.displayName()));
            }
        }
        return b.toString();
    }

    static String sipUri(String queue, String host, int port) {
        return "sip:" + queue + "@" + host + ":" + port;
    }

    /** A throwaway baresip account for the demo customer chan (baresip reads accounts from its -f directory). */
    static String baresipAccount(String host) {
        return "mkdir -p /tmp/mvtm-baresip && echo '<sip:chan@" + host + ">;auth_pass=phone-chan-1234;regint=0' > "
                + "/tmp/mvtm-baresip/accounts";
    }

    static String baresipDial(String queue, String host, int port) {
        return "baresip -f /tmp/mvtm-baresip -e '/dial " + sipUri(queue, host, port) + "'";
    }
}

package org.mvtm.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Everything under {@code contact.*}. Defaults give the embedded single-node server: in-memory routing, the
 * embedded media relay, data under {@code ./data}, demo data seeded. Unknown keys under {@code contact} stop start-up,
 * so a typo is never silently ignored.
 */
@ConfigurationProperties(prefix = "contact", ignoreUnknownFields = false)
public record ContactProperties(
        @DefaultValue("node-1") String nodeId,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String publicUrl,
        @DefaultValue Sip sip,
        @DefaultValue Media media,
        @DefaultValue Redis redis,
        @DefaultValue Demo demo,
        @DefaultValue Recording recording,
        @DefaultValue Cluster cluster,
        @DefaultValue KnowledgeBase knowledgeBase,
        @DefaultValue Database database,
        @DefaultValue Web web,
        @DefaultValue IdentityProperties identity,
        @DefaultValue SignInProperties signIn,
        @DefaultValue WaitAnnouncementProperties waitAnnouncements,
        @DefaultValue IvrProperties ivr,
        @DefaultValue @Name("wait") CustomerWaitProperties customerWait,
        @DefaultValue DocumentProperties documents) {

    public ContactProperties {
        if (redis.enabled() && cluster.secret().length() < 16) {
            throw new InvalidConfigurationException("contact.cluster.secret",
                    "must be a shared secret of at least 16 characters when contact.redis.url is set (nodes present it to each other)");
        }
        if (nodeId == null || !nodeId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new InvalidConfigurationException("contact.node-id", "must be 1 to 32 letters, digits, '-' or '_' but was '" + nodeId + "'");
        }
    }

    /**
     * SIP edge listening points. Port 0 picks a free port; -1 disables that transport. {@code maxCallsPerSecond}: new
     * calls a second the edge admits before it answers new INVITEs 503 with Retry-After; {@code maxQueueDelay}: how
     * long a handed-over request may wait for a worker before the edge counts itself late and sheds new calls for a
     * second; {@code maxRecordingLag}: how long an accepted call may wait for its recording to start before the edge
     * sheds new calls until the recordings have caught up (docs/sip-edge.md, Overload).
     */
    public record Sip(
            @DefaultValue("0.0.0.0") String bindAddress,
            @DefaultValue("127.0.0.1") String advertisedAddress,
            @DefaultValue("5060") int udpPort,
            @DefaultValue("5060") int tcpPort,
            @DefaultValue("5061") int tlsPort,
            @DefaultValue("mvtm.local") String domain,
            @DefaultValue List<String> trustedTrunks,
            @DefaultValue("400") double maxCallsPerSecond,
            @DefaultValue("250ms") Duration maxQueueDelay,
            @DefaultValue("5s") Duration maxRecordingLag) {
        public Sip {
            if (!(maxCallsPerSecond > 0)) {
                throw new InvalidConfigurationException("contact.sip.max-calls-per-second",
                        "must be a positive number of calls per second but was " + maxCallsPerSecond);
            }
            if (maxQueueDelay == null || maxQueueDelay.isNegative() || maxQueueDelay.isZero()) {
                throw new InvalidConfigurationException("contact.sip.max-queue-delay",
                        "must be a positive duration such as 250ms but was " + maxQueueDelay);
            }
            if (maxRecordingLag == null || maxRecordingLag.isNegative() || maxRecordingLag.isZero()) {
                throw new InvalidConfigurationException("contact.sip.max-recording-lag",
                        "must be a positive duration such as 5s but was " + maxRecordingLag);
            }
            Ports.check("contact.sip.udp-port", udpPort, true);
            Ports.check("contact.sip.tcp-port", tcpPort, true);
            Ports.check("contact.sip.tls-port", tlsPort, true);
            trustedTrunks = List.copyOf(trustedTrunks);
        }
    }

    public enum MediaMode { EMBEDDED, KURENTO }

    /** Media bridge: the embedded Java relay by default, Kurento Media Server when mode is KURENTO. */
    public record Media(
            @DefaultValue("EMBEDDED") MediaMode mode,
            @DefaultValue("") String kurentoUrl,
            @DefaultValue("/var/lib/kurento/recordings") String kurentoRecordingDir,
            @DefaultValue("") String publicAddress,
            @DefaultValue("0.0.0.0") String bindAddress,
            @DefaultValue("40000") int portMin,
            @DefaultValue("40999") int portMax,
            @DefaultValue("") List<String> browserAudio) {
        public Media {
            browserAudio = browserAudio.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
            for (String codec : browserAudio) {
                if (!Set.of("PCMU", "PCMA", "OPUS").contains(codec.strip().toUpperCase(Locale.ROOT))) {
                    throw new InvalidConfigurationException("contact.media.browser-audio",
                            "must list PCMU, PCMA or OPUS but has '" + codec + "'");
                }
            }
            Ports.check("contact.media.port-min", portMin, false);
            Ports.check("contact.media.port-max", portMax, false);
            if (portMax < portMin) {
                throw new InvalidConfigurationException("contact.media.port-max",
                        "must not be below contact.media.port-min (" + portMin + ") but was " + portMax);
            }
            if (mode == MediaMode.KURENTO && !kurentoUrl.toLowerCase(Locale.ROOT).matches("wss?://.+")) {
                throw new InvalidConfigurationException("contact.media.kurento-url",
                        "must be a ws:// or wss:// URL when contact.media.mode=KURENTO but was '" + kurentoUrl + "'");
            }
        }
    }

    /** Shared routing state and SIP registrations; empty url keeps everything in memory on this node. */
    public record Redis(@DefaultValue("") String url) {
        public Redis {
            if (!url.isEmpty() && !url.toLowerCase(Locale.ROOT).matches("rediss?://.+")) {
                throw new InvalidConfigurationException("contact.redis.url",
                        "must be a redis:// or rediss:// URL (or empty for in-memory state) but was '" + url + "'");
            }
        }

        public boolean enabled() {
            return !url.isEmpty();
        }
    }

    /**
     * The system of record (users, advisors, queues...): empty url = the embedded H2 file database under
     * {@code <data-dir>/db}; production and every multi-node setup use PostgreSQL ({@code jdbc:postgresql://host/db}).
     */
    public record Database(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password) {
        public Database {
            if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw new InvalidConfigurationException("contact.database.url",
                        "must be a jdbc:postgresql:// URL (or empty for the embedded database) but was '" + url + "'");
            }
        }
    }

    /** Demo advisors, queues and logins seeded into an empty database on first start; switch off in production. */
    public record Demo(@DefaultValue("true") boolean enabled) {
    }

    /** Compliance recording. Keys are generated under the data directory on first start when none are given. */
    public record Recording(
            @DefaultValue("10s") Duration segmentLength,
            @DefaultValue("") String masterKeyFile) {
    }

    /**
     * Several nodes sharing Redis: the secret nodes present to each other when forwarding media signalling, and this
     * node's base URL as the other nodes reach it (empty: http://127.0.0.1:&lt;server.port&gt;).
     */
    public record Cluster(@DefaultValue("") String secret, @DefaultValue("") String advertisedUrl) {
        public Cluster {
            if (!advertisedUrl.isEmpty() && !advertisedUrl.matches("https?://[^/]+")) {
                throw new InvalidConfigurationException("contact.cluster.advertised-url",
                        "must be http(s)://host:port without a path but was '" + advertisedUrl + "'");
            }
        }
    }

    /**
     * The FAQ knowledge base administrators publish: its versions are kept in {@code archiveDir} (every node of a
     * cluster must point at the same directory), or, empty, in the database with the rest of the system of record.
     */
    public record KnowledgeBase(@DefaultValue("") String archiveDir) {
    }

    /**
     * Consoles and customer pages: how long an advisor's console may stay disconnected before the advisor is logged
     * out, how long a queued customer's page may stay closed before the customer leaves the queue, and how much one
     * customer may hold: open conversations, queue places, new conversations a minute.
     */
    public record Web(@DefaultValue("60s") Duration consoleGrace,
                      @DefaultValue("60s") Duration customerGrace,
                      @DefaultValue("1") int customerOpenConversations,
                      @DefaultValue("1") int customerQueuePlaces,
                      @DefaultValue("10") int customerConversationsPerMinute) {
        public Web {
            if (customerOpenConversations < 1 || customerQueuePlaces < 1 || customerConversationsPerMinute < 1) {
                throw new InvalidConfigurationException("contact.web.customer-*", "customer limits must be at least 1");
            }
            if (consoleGrace.isNegative()) {
                throw new InvalidConfigurationException("contact.web.console-grace", "must not be negative but was " + consoleGrace);
            }
            if (customerGrace.isNegative()) {
                throw new InvalidConfigurationException("contact.web.customer-grace", "must not be negative but was " + customerGrace);
            }
        }
    }

    /** Port validation shared by the nested records. */
    static final class Ports {
        private Ports() {
        }

        static void check(String property, int port, boolean allowDisabled) {
            if ((allowDisabled && port == -1) || (port >= 0 && port <= 65535)) {
                return;
            }
            throw new InvalidConfigurationException(property, "must be a port between 0 and 65535"
                    + (allowDisabled ? " (or -1 to disable)" : "") + " but was " + port);
        }
    }
}

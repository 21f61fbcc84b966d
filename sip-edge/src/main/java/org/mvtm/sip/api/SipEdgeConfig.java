package org.mvtm.sip.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a {@link SipEdge} needs to know, as plain values. Build with {@link #builder(String)}.
 *
 * @param bindAddress     IP address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param udpPort         UDP port; 0 = a free port, -1 = UDP disabled
 * @param tcpPort         TCP port; 0 = a free port, -1 = TCP disabled
 * @param tlsPort         TLS port; 0 = a free port, -1 = TLS disabled
 * @param domain          the SIP domain and digest realm ({@code sip:<queue>@<domain>})
 * @param tls             certificate source for TLS
 * @param trustedTrunks   source IP addresses of SIP trunks whose INVITEs need no authentication
 * @param credentials     digest passwords of customers and advisors' phones
 * @param queues          queue names always accepted as the user part of an INVITE request URI (besides those
 *                        {@link CallRouting#takesCallers} accepts)
 * @param offerTimeout    how long an advisor's phone may ring when the offer carries no expiry of its own
 * @param flood           per-source-address rate limits
 * @param sessionTimers   RFC 4028 values
 * @param maxRegistration the longest registration granted (longer Expires are shortened)
 * @param minRegistration the shortest registration accepted (shorter get 423 Interval Too Brief)
 * @param nonceLifetime   how long a digest nonce stays valid before the client is challenged with stale=true
 * @param admission       how many new calls the edge takes on before it answers new INVITEs 503 (overload)
 * @param earlyProgress   how often a caller who is not answered yet (in the IVR, in the queue) gets its 183 Session
 *                        Progress again: RFC 3261 13.3.1.1 asks for one at least every minute, since a proxy may
 *                        cancel an INVITE that has had no response for three (Kamailio's fr_inv_timer, 2 minutes by
 *                        default, starts again at each provisional response)
 */
public record SipEdgeConfig(String bindAddress, int udpPort, int tcpPort, int tlsPort, String domain,
                            TlsSettings tls, Set<String> trustedTrunks, SipCredentials credentials,
                            Set<String> queues, Duration offerTimeout, FloodLimits flood,
                            SessionTimers sessionTimers, Duration maxRegistration, Duration minRegistration,
                            Duration nonceLifetime, String advertisedAddress, AdmissionLimits admission,
                            Duration earlyProgress) {

    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public SipEdgeConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        checkPort("udpPort", udpPort);
        checkPort("tcpPort", tcpPort);
        checkPort("tlsPort", tlsPort);
        if (udpPort < 0 && tcpPort < 0 && tlsPort < 0) {
            throw new IllegalArgumentException("at least one of UDP, TCP, TLS must be enabled");
        }
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("domain must not be blank");
        }
        tls = tls == null ? TlsSettings.developmentCertificate() : tls;
        trustedTrunks = Set.copyOf(trustedTrunks == null ? Set.of() : trustedTrunks);
        credentials = credentials == null ? SipCredentials.none() : credentials;
        queues = Set.copyOf(queues == null ? Set.of() : queues);
        for (String q : queues) {
            if (!QUEUE.matcher(q).matches()) {
                throw new IllegalArgumentException("queue name '" + q + "' must be 1-64 of A-Z a-z 0-9 . _ -");
            }
        }
        ConfigChecks.requirePositive("offerTimeout", offerTimeout);
        flood = flood == null ? FloodLimits.defaults() : flood;
        admission = admission == null ? AdmissionLimits.defaults() : admission;
        sessionTimers = sessionTimers == null ? SessionTimers.defaults() : sessionTimers;
        ConfigChecks.requirePositive("maxRegistration", maxRegistration);
        ConfigChecks.requirePositive("minRegistration", minRegistration);
        if (minRegistration.compareTo(maxRegistration) > 0) {
            throw new IllegalArgumentException("minRegistration " + minRegistration
                    + " exceeds maxRegistration " + maxRegistration);
        }
        ConfigChecks.requirePositive("nonceLifetime", nonceLifetime);
        earlyProgress = earlyProgress == null ? Duration.ofMinutes(1) : earlyProgress;
        if (earlyProgress.compareTo(Duration.ofSeconds(1)) < 0 || earlyProgress.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("earlyProgress must be from 1 s to 1 min (RFC 3261 13.3.1.1) but was "
                    + earlyProgress);
        }
        if (advertisedAddress == null || advertisedAddress.isBlank()) {
            // the address put in Via and Contact: the bind address, or loopback when bound to every interface
            advertisedAddress = isWildcard(bindAddress) ? "127.0.0.1" : bindAddress;
        }
    }

    /** True for 0.0.0.0 and ::, which can be bound but never reached; Via and Contact need a real address. */
    public static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0")
                || address.equals("[::]");
    }

    private static void checkPort(String name, int port) {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be -1 (off), 0 (free port) or 1-65535 but was " + port);
        }
    }

    public static Builder builder(String domain) {
        return new Builder(domain);
    }

    /** Defaults: 127.0.0.1, free ports for all three transports, dev certificate, 20 s offer timeout. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int udpPort;
        private int tcpPort;
        private int tlsPort;
        private final String domain;
        private TlsSettings tls = TlsSettings.developmentCertificate();
        private Set<String> trustedTrunks = Set.of();
        private SipCredentials credentials = SipCredentials.none();
        private Set<String> queues = Set.of();
        private Duration offerTimeout = Duration.ofSeconds(20);
        private FloodLimits flood = FloodLimits.defaults();
        private SessionTimers sessionTimers = SessionTimers.defaults();
        private Duration maxRegistration = Duration.ofHours(1);
        private Duration minRegistration = Duration.ofSeconds(30);
        private Duration nonceLifetime = Duration.ofMinutes(5);
        private String advertisedAddress;
        private AdmissionLimits admission = AdmissionLimits.defaults();
        private Duration earlyProgress = Duration.ofMinutes(1);

        private Builder(String domain) {
            this.domain = domain;
        }

        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder udpPort(int v) { udpPort = v; return this; }
        public Builder tcpPort(int v) { tcpPort = v; return this; }
        public Builder tlsPort(int v) { tlsPort = v; return this; }
        public Builder tls(TlsSettings v) { tls = v; return this; }
        public Builder trustedTrunks(Set<String> v) { trustedTrunks = v; return this; }
        public Builder credentials(SipCredentials v) { credentials = v; return this; }
        public Builder queues(Set<String> v) { queues = v; return this; }
        public Builder offerTimeout(Duration v) { offerTimeout = v; return this; }
        public Builder flood(FloodLimits v) { flood = v; return this; }
        public Builder admission(AdmissionLimits v) { admission = v; return this; }
        public Builder sessionTimers(SessionTimers v) { sessionTimers = v; return this; }
        public Builder maxRegistration(Duration v) { maxRegistration = v; return this; }
        public Builder minRegistration(Duration v) { minRegistration = v; return this; }
        public Builder nonceLifetime(Duration v) { nonceLifetime = v; return this; }
        public Builder earlyProgress(Duration v) { earlyProgress = v; return this; }
        /** The address phones and trunks reach this edge at (Via, Contact); default: the bind address. */
        public Builder advertisedAddress(String v) { advertisedAddress = v; return this; }

        public SipEdgeConfig build() {
            return new SipEdgeConfig(bindAddress, udpPort, tcpPort, tlsPort, domain, tls, trustedTrunks,
                    credentials, queues, offerTimeout, flood, sessionTimers, maxRegistration, minRegistration,
                    nonceLifetime, advertisedAddress, admission, earlyProgress);
        }
    }
}

package org.mvtm.media.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Configuration of the embedded Java relay.
 *
 * @param bindAddress    local address media sockets bind to, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param publicAddress  address written into SDP ({@code c=} line, first ICE host candidate)
 * @param candidateAddresses every address advertised as an ICE host candidate of a browser leg, best first; starts
 *                       with {@code publicAddress} (see {@link HostAddresses} for the default when it is not set)
 * @param portMin        lowest UDP port of the media range (inclusive); 0 with portMax 0 = any free port
 * @param portMax        highest UDP port of the media range (inclusive)
 * @param iceTimeout     a browser leg without a valid STUN binding request for this long fails (IceFailed); also
 *                       the consent-freshness limit once connected
 * @param dtlsTimeout    a DTLS handshake not finished this long after ICE fails (DtlsFailed)
 * @param noMediaTimeout a connected leg without RTP for this long gets a NoMedia event
 * @param browserAudio   audio codecs (e.g. {@code PCMU}) to answer a browser with when no other leg of the call has
 *                       chosen one yet; empty = the browser's first (Opus). The relay mixes G.711, and Opus when
 *                       libopus is installed (three-way calls, listen, whisper, barge-in); {@code PCMU} keeps browser
 *                       calls mixable on a server without libopus
 */
public record EmbeddedMediaConfig(String bindAddress, String publicAddress, List<String> candidateAddresses,
                                  int portMin, int portMax, Duration iceTimeout, Duration dtlsTimeout,
                                  Duration noMediaTimeout, List<String> browserAudio) {
    public EmbeddedMediaConfig(String bindAddress, String publicAddress, List<String> candidateAddresses,
                               int portMin, int portMax, Duration iceTimeout, Duration dtlsTimeout,
                               Duration noMediaTimeout) {
        this(bindAddress, publicAddress, candidateAddresses, portMin, portMax, iceTimeout, dtlsTimeout,
                noMediaTimeout, List.of());
    }

    public EmbeddedMediaConfig {
        browserAudio = browserAudio == null ? List.of()
                : browserAudio.stream().map(c -> c.strip().toUpperCase(Locale.ROOT))
                        .filter(c -> !c.isEmpty()).toList();
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(publicAddress, "publicAddress");
        if (publicAddress.isBlank()) {
            throw new IllegalArgumentException("publicAddress must not be blank");
        }
        List<String> candidates = new ArrayList<>(List.of(publicAddress));
        for (String a : candidateAddresses) {
            if (!candidates.contains(a)) {
                candidates.add(a);
            }
        }
        candidateAddresses = List.copyOf(candidates);
        Objects.requireNonNull(iceTimeout, "iceTimeout");
        Objects.requireNonNull(dtlsTimeout, "dtlsTimeout");
        Objects.requireNonNull(noMediaTimeout, "noMediaTimeout");
        boolean anyPort = portMin == 0 && portMax == 0;
        if (!anyPort && (portMin < 1024 || portMax > 65535 || portMin > portMax)) {
            throw new IllegalArgumentException("media port range must be within 1024..65535 with portMin <= portMax"
                    + " (or 0-0 for any free port) but was " + portMin + "-" + portMax);
        }
        if (iceTimeout.isNegative() || iceTimeout.isZero() || dtlsTimeout.isNegative() || dtlsTimeout.isZero()
                || noMediaTimeout.isNegative() || noMediaTimeout.isZero()) {
            throw new IllegalArgumentException("media timeouts must be positive");
        }
    }

    /** Loopback, ports 40000-40999, ICE 10 s, DTLS 10 s, no media 10 s. */
    public static EmbeddedMediaConfig defaults() {
        return new EmbeddedMediaConfig("127.0.0.1", "127.0.0.1", List.of(), 40000, 40999,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** Loopback with any free port (tests). */
    public static EmbeddedMediaConfig loopbackAnyPort() {
        return new EmbeddedMediaConfig("127.0.0.1", "127.0.0.1", List.of(), 0, 0,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    public EmbeddedMediaConfig withTimeouts(Duration ice, Duration dtls, Duration noMedia) {
        return new EmbeddedMediaConfig(bindAddress, publicAddress, candidateAddresses, portMin, portMax, ice, dtls,
                noMedia, browserAudio);
    }

    public EmbeddedMediaConfig withPorts(int min, int max) {
        return new EmbeddedMediaConfig(bindAddress, publicAddress, candidateAddresses, min, max, iceTimeout,
                dtlsTimeout, noMediaTimeout, browserAudio);
    }

    /** Binds {@code bind} and advertises only {@code pub}. */
    public EmbeddedMediaConfig withAddresses(String bind, String pub) {
        return new EmbeddedMediaConfig(bind, pub, List.of(), portMin, portMax, iceTimeout, dtlsTimeout,
                noMediaTimeout, browserAudio);
    }

    /** Binds {@code bind} and advertises {@code advertised} (best first) as ICE host candidates. */
    public EmbeddedMediaConfig withAddresses(String bind, List<String> advertised) {
        if (advertised.isEmpty()) {
            throw new IllegalArgumentException("at least one advertised media address is needed");
        }
        return new EmbeddedMediaConfig(bind, advertised.get(0), advertised, portMin, portMax, iceTimeout,
                dtlsTimeout, noMediaTimeout, browserAudio);
    }

    /** Answers browsers with these audio codecs first (e.g. {@code PCMU}, mixable without libopus). */
    public EmbeddedMediaConfig withBrowserAudio(List<String> codecs) {
        return new EmbeddedMediaConfig(bindAddress, publicAddress, candidateAddresses, portMin, portMax, iceTimeout,
                dtlsTimeout, noMediaTimeout, codecs);
    }
}

package org.mvtm.media.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the embedded Java relay.
 *
 * @param bindAddress    local address media sockets bind to, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param publicAddress  address written into SDP (host candidate, {@code c=} line)
 * @param portMin        lowest UDP port of the media range (inclusive); 0 with portMax 0 = any free port
 * @param portMax        highest UDP port of the media range (inclusive)
 * @param iceTimeout     a browser leg without a valid STUN binding request for this long fails (IceFailed); also
 *                       the consent-freshness limit once connected
 * @param dtlsTimeout    a DTLS handshake not finished this long after ICE fails (DtlsFailed)
 * @param noMediaTimeout a connected leg without RTP for this long gets a NoMedia event
 */
public record EmbeddedMediaConfig(String bindAddress, String publicAddress, int portMin, int portMax,
                                  Duration iceTimeout, Duration dtlsTimeout, Duration noMediaTimeout) {
    public EmbeddedMediaConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(publicAddress, "publicAddress");
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
        return new EmbeddedMediaConfig("127.0.0.1", "127.0.0.1", 40000, 40999,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** Loopback with any free port (tests). */
    public static EmbeddedMediaConfig loopbackAnyPort() {
        return new EmbeddedMediaConfig("127.0.0.1", "127.0.0.1", 0, 0,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    public EmbeddedMediaConfig withTimeouts(Duration ice, Duration dtls, Duration noMedia) {
        return new EmbeddedMediaConfig(bindAddress, publicAddress, portMin, portMax, ice, dtls, noMedia);
    }

    public EmbeddedMediaConfig withPorts(int min, int max) {
        return new EmbeddedMediaConfig(bindAddress, publicAddress, min, max, iceTimeout, dtlsTimeout, noMediaTimeout);
    }

    public EmbeddedMediaConfig withAddresses(String bind, String pub) {
        return new EmbeddedMediaConfig(bind, pub, portMin, portMax, iceTimeout, dtlsTimeout, noMediaTimeout);
    }
}

package org.mvtm.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UdpPortProbeTest {
    private final UdpPortProbe probe = new UdpPortProbe(Duration.ofMillis(500), 4);

    @Test
    void aClosedPortIsReportedAndAnOpenOneIsNot() throws Exception {
        int closed;
        try (DatagramSocket gone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        assertThat(probe.closed("127.0.0.1", closed)).isTrue();
        try (DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(probe.closed("127.0.0.1", phone.getLocalPort())).as("a live phone stays silent").isFalse();
        }
    }

    @Test
    void onlyPhonesOnTheLocalNetworkAreProbedAndNamesAreNeverResolved() {
        assertThat(UdpPortProbe.onLocalNetwork("127.0.0.1")).isTrue();
        assertThat(UdpPortProbe.onLocalNetwork("10.20.30.40")).isTrue();
        assertThat(UdpPortProbe.onLocalNetwork("192.168.1.10")).isTrue();
        assertThat(UdpPortProbe.onLocalNetwork("172.16.5.5")).isTrue();
        assertThat(UdpPortProbe.onLocalNetwork("[::1]")).isTrue();
        assertThat(UdpPortProbe.onLocalNetwork("fe80::1")).isTrue();
        assertThat(UdpPortProbe.onLocalNetwork("203.0.113.7")).as("a public address, maybe behind NAT").isFalse();
        assertThat(UdpPortProbe.onLocalNetwork("2001:db8::1")).isFalse();
        assertThat(UdpPortProbe.onLocalNetwork("phone1.branch.bank.example")).as("a name").isFalse();
    }
}

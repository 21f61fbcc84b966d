package org.mvtm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void aPortItHandsOutIsNotOneTheKernelMayGiveTheNextSocketThatAsksForAnyPort() throws Exception {
        int low = FreePorts.ephemeralLow();
        try (ServerSocket any = new ServerSocket(0)) {
            assertThat(any.getLocalPort()).as("the kernel's pick for any port").isGreaterThanOrEqualTo(low);
        }
        assertThat(Arrays.stream(FreePorts.tcp(20)).max().getAsInt()).isLessThan(low);
        assertThat(Arrays.stream(FreePorts.udp(20)).max().getAsInt()).isLessThan(low);
    }

    @Test
    void aPortForASipListenerCanBeBoundForTcpAndForUdp() throws Exception {
        for (int port : FreePorts.tcpAndUdp(5)) {
            try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(port));
                udp.bind(new InetSocketAddress(port));
            }
        }
    }

    @Test
    void noPortIsHandedOutTwice() {
        int[] ports = new int[600];
        for (int i = 0; i < ports.length; i += 3) {
            System.arraycopy(i % 2 == 0 ? FreePorts.tcp(3) : FreePorts.udp(3), 0, ports, i, 3);
        }
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(ports.length);
    }
}

package org.mvtm.media.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostAddressesTest {

    @Test
    void aWildcardRelayAdvertisesTheNetworkAddressesBeforeLoopbackSoFirefoxFindsAPair() throws Exception {
        List<InetAddress> nics = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"),
                InetAddress.getByName("192.0.2.2"), InetAddress.getByName("fe80::1"),
                InetAddress.getByName("169.254.3.4"), InetAddress.getByName("10.1.2.3"),
                InetAddress.getByName("fd00::2"));

        assertThat(HostAddresses.advertised("0.0.0.0", nics)).containsExactly("192.0.2.2", "10.1.2.3", "127.0.0.1");
    }

    @Test
    void aHostWithoutNetworkAddressesAdvertisesLoopback() throws Exception {
        assertThat(HostAddresses.advertised("0.0.0.0", List.of(InetAddress.getByName("127.0.0.1"))))
                .containsExactly("127.0.0.1");
    }

    @Test
    void aRelayBoundToOneAddressAdvertisesOnlyThatAddress() {
        assertThat(HostAddresses.advertised("127.0.0.1", List.of())).containsExactly("127.0.0.1");
        assertThat(HostAddresses.advertised("10.1.2.3", List.of())).containsExactly("10.1.2.3");
    }

    @Test
    void aBindAddressThatIsNoIpAddressIsRefusedNamingIt() {
        assertThatThrownBy(() -> HostAddresses.advertised("no such host.invalid", List.of()))
                .hasMessageContaining("'no such host.invalid'");
    }

    @Test
    void thisHostHasAtLeastItsLoopbackInterface() {
        assertThat(HostAddresses.ofThisHost()).anyMatch(InetAddress::isLoopbackAddress);
    }
}

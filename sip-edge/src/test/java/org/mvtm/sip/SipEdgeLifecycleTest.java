package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.sip.api.RegistrationStores;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipEdgeConfig;
import org.mvtm.sip.api.SipEdgePorts;
import org.mvtm.sip.api.SipEdges;
import org.mvtm.sip.api.SipTransport;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RecordingRouting;
import org.mvtm.sip.support.RelayMedia;

class SipEdgeLifecycleTest {

    private SipEdge edge(SipEdgeConfig config) {
        InProcessEventBus bus = new InProcessEventBus();
        return SipEdges.create(config, Clock.systemUTC(), bus,
                SipEdgePorts.of(new RecordingRouting(bus, Clock.systemUTC()), new RelayMedia(), RegistrationStores.inMemory()));
    }

    @Test
    void closeReleasesEveryPort() throws Exception {
        SipEdge edge = edge(SipEdgeConfig.builder("bank.example").build());
        edge.start();
        int udp = edge.port(SipTransport.UDP);
        int tcp = edge.port(SipTransport.TCP);
        int tls = edge.port(SipTransport.TLS);
        assertThat(udp).isPositive();
        assertThat(tcp).isPositive();
        assertThat(tls).isPositive();
        try (RawSip peer = RawSip.udp(udp)) {
            peer.send(peer.options("lifecycle-1"));
            assertThat(peer.finalResponse(3000)).hasValueSatisfying(r -> assertThat(RawSip.status(r)).isEqualTo(200));
        }
        edge.close();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(lo, udp));
             ServerSocket t = new ServerSocket()) {
            t.bind(new InetSocketAddress(lo, tcp));
            assertThat(u.getLocalPort()).isEqualTo(udp);
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(lo, tls));
        }
        edge.close(); // idempotent
        assertThatThrownBy(edge::start).hasMessageContaining("closed");
    }

    @Test
    void tlsListenerWithGeneratedDevelopmentCertificateAnswersOptions() throws Exception {
        SipEdge edge = edge(SipEdgeConfig.builder("bank.example").udpPort(-1).tcpPort(-1).build());
        edge.start();
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) { }
                public java.security.cert.X509Certificate[] getAcceptedIssuers() { return new java.security.cert.X509Certificate[0]; }
            }}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", edge.port(SipTransport.TLS))) {
                s.startHandshake();
                assertThat(s.getSession().getPeerPrincipal().getName()).contains("CN=bank.example");
                String options = "OPTIONS sip:edge@127.0.0.1 SIP/2.0\r\n"
                        + "Via: SIP/2.0/TLS 127.0.0.1:" + s.getLocalPort() + ";rport;branch=z9hG4bKtls1\r\n"
                        + "Max-Forwards: 70\r\nFrom: <sip:probe@bank.example>;tag=1\r\nTo: <sip:edge@bank.example>\r\n"
                        + "Call-ID: tls-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
                s.getOutputStream().write(options.getBytes());
                s.getOutputStream().flush();
                byte[] buf = new byte[4096];
                s.setSoTimeout(5000);
                int n = s.getInputStream().read(buf);
                assertThat(new String(buf, 0, n)).startsWith("SIP/2.0 200 OK");
            }
        } finally {
            edge.close();
        }
        assertThat(edge.port(SipTransport.UDP)).isEqualTo(-1);
    }

    @Test
    void badConfigurationIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> SipEdgeConfig.builder("bank.example").udpPort(-1).tcpPort(-1).tlsPort(-1).build())
                .hasMessageContaining("at least one of UDP, TCP, TLS");
        assertThatThrownBy(() -> SipEdgeConfig.builder("bank.example").queues(java.util.Set.of("bad queue")).build())
                .hasMessageContaining("bad queue");
        assertThatThrownBy(() -> SipEdgeConfig.builder(" ").build()).hasMessageContaining("domain");
    }
}

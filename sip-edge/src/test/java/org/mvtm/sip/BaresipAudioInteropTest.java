package org.mvtm.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.id.AgentId;
import org.mvtm.sip.support.EdgeFixture;
import org.mvtm.sip.support.RawSip;
import org.mvtm.sip.support.RelayMedia;
import org.mvtm.sip.support.SipPeer;

/**
 * baresip (a real SIP user agent) calls a queue sending PCMU speech from a WAV file (espeak-ng); the edge offers
 * the call to a registered desk phone; the phone's RTP socket measures the energy of the audio that arrives
 * through the in-test RTP relay (the media port), not just the packet count.
 */
@Tag("peer")
class BaresipAudioInteropTest {

    static String tool(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new AssertionError(name + " is not installed: install the Debian package '" + debianPackage + "'");
    }

    static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
    }

    @Test
    void baresipSpeechReachesTheAdvisorPhoneWithRealAudioEnergy(@TempDir Path dir) throws Exception {
        String baresip = tool("baresip", "baresip");
        Path raw = dir.resolve("speech-22k.wav");
        Path wav = dir.resolve("speech.wav");
        run(List.of(tool("espeak-ng", "espeak-ng"), "-w", raw.toString(),
                "Hello, I would like to ask about the annual fee of my credit card. Thank you very much."));
        run(List.of(tool("sox", "sox"), raw.toString(), "-r", "8000", "-c", "1", "-b", "16", wav.toString()));

        try (EdgeFixture f = new EdgeFixture(b -> b.tlsPort(-1).trustedTrunks(Set.of("127.0.0.1")));
             SipPeer alice = SipPeer.udp(f.udp(), "alice");
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(RawSip.status(alice.register("alice-secret", 600))).isEqualTo(200);
            f.routing.autoOfferTo = AgentId.of("alice");

            AtomicLong packets = new AtomicLong();
            AtomicLong energy = new AtomicLong();
            AtomicLong samples = new AtomicLong();
            Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[2048];
                while (!rtp.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        rtp.receive(p);
                        if (p.getLength() > 12 && (buf[1] & 0x7f) == 0) {
                            packets.incrementAndGet();
                            for (int i = 12; i < p.getLength(); i++) {
                                energy.addAndGet(Math.abs(ulaw(buf[i])));
                                samples.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });

            Path conf = dir.resolve("baresip");
            Files.createDirectories(conf);
            Files.writeString(conf.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    // port 0: baresip binds its own UDP and TCP ports; a port picked here and released could be
                    // taken (for TCP too) by another test before baresip binds it
                    "sip_listen 127.0.0.1:0",
                    "module_path /usr/lib/baresip/modules",
                    "module g711.so",
                    "module aufile.so",
                    "module_app account.so",
                    "module_app menu.so",
                    "audio_source aufile," + wav,
                    "audio_player aufile," + dir.resolve("heard.wav"),
                    "audio_alert aufile," + dir.resolve("alert.wav"),
                    "rtp_ports 30000-39999",
                    "") );
            Files.writeString(conf.resolve("accounts"), "<sip:bob@127.0.0.1>;regint=0;audio_codecs=PCMU\n");
            Process ua = new ProcessBuilder(baresip, "-f", conf.toString(), "-t", "25",
                    "-e", "/dial sip:cards@127.0.0.1:" + f.udp())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
            try {
                String invite = alice.nextRequest(15_000).orElseThrow(() -> new AssertionError(
                        "no INVITE at the advisor phone; baresip log:\n" + log(dir)));
                alice.raw.send(alice.response(invite, 200, "OK", "alicetag", RelayMedia.sdp(rtp.getLocalPort())));
                await().atMost(Duration.ofSeconds(20)).until(() -> packets.get() >= 150);
                double meanEnergy = (double) energy.get() / samples.get();
                System.out.println("advisor-side audio: " + packets.get() + " PCMU packets, mean abs sample " + meanEnergy);
                // silence in PCMU decodes to |x| < 10; espeak speech averages in the hundreds to thousands
                assertThat(meanEnergy).as("mean |sample| of audio at the advisor phone over " + packets.get()
                        + " packets").isGreaterThan(200);
            } finally {
                ua.destroy();
                rtp.close();
            }
        }
    }

    static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("baresip.log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }

    static int ulaw(byte b) {
        int u = ~b & 0xff;
        int sample = (((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 0x07);
        sample -= 0x84;
        return (u & 0x80) != 0 ? -sample : sample;
    }
}

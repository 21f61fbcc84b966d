package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.mvtm.sip.support.RtpPhone;

/**
 * A SIP call held by one node of a cluster: Li calls the cards queue from her SIP phone (SIPp, customer-failover.xml)
 * and Erin answers on her desk phone (SIPp, phone-failover.xml), both at that node. The phones' media is the test's
 * ({@link RtpPhone}): each speaks a tone to the relay port its latest SDP named, and counts what it hears by the port
 * it came from, so "media through the other node" is measured in packets from that node's relay legs, both ways.
 */
final class SurvivingSipCall implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long HEARD = 50; // packets: a second of speech

    private final Path dir;
    private final ServerProcess node;
    private final RtpPhone customerMedia = new RtpPhone();
    private final RtpPhone advisorMedia = new RtpPhone();
    private final AtomicInteger customerSpeaksTo = new AtomicInteger();
    private final AtomicInteger advisorSpeaksTo = new AtomicInteger();
    private final Thread voices;
    private final int customerSipPort;
    private Process customer;
    private Process deskPhone;
    private String callId;

    private SurvivingSipCall(Path dir, ServerProcess node, int customerSipPort) {
        this.dir = dir;
        this.node = node;
        this.customerSipPort = customerSipPort;
        this.voices = Thread.ofVirtual().start(this::speak);
    }

    /** Erin's desk phone registered at {@code node}, Li's call to it answered, media flowing both ways through it. */
    static SurvivingSipCall connect(Path dir, ServerProcess node) throws Exception {
        Files.createDirectories(dir);
        SurvivingSipCall call = new SurvivingSipCall(dir, node, ServerProcess.freeUdpPort());
        long began = System.currentTimeMillis();
        try {
            call.start();
            System.out.println("two-node failover: SIP call connected with media both ways in "
                    + (System.currentTimeMillis() - began) + " ms");
        } catch (Exception | AssertionError e) {
            call.close();
            throw e;
        }
        return call;
    }

    private void start() throws Exception {
        deskPhone = SipJourneyTest.deskPhoneAnswering(dir, node, "erin",
                SipJourneyTest.scenario(dir, "phone-failover.xml", dir), "li", "-key", "rtpport",
                String.valueOf(advisorMedia.port()), "-trace_logs", "-log_file", dir.resolve("phone-actions.log").toString());
        customer = SipJourneyTest.sipp(dir, "customer", SipJourneyTest.scenario(dir, "customer-failover.xml", dir),
                "-s", "cards", "-au", "li", "-ap", "phone-li-1234", "-key", "customer", "li",
                "-key", "rtpport", String.valueOf(customerMedia.port()), "-m", "1", "-p", String.valueOf(customerSipPort),
                "-mp", String.valueOf(ServerProcess.freeUdpPort()),
                "-trace_logs", "-log_file", dir.resolve("customer-actions.log").toString(), "127.0.0.1:" + node.sipPort);
        String[] connected = awaitLog("customer-actions.log", "CONNECTED ").split(" ");
        // CONNECTED m=audio <relay port> <Call-ID>, ANSWERED m=audio <relay port>
        callId = connected[3];
        customerSpeaksTo.set(Integer.parseInt(connected[2]));
        advisorSpeaksTo.set(Integer.parseInt(awaitLog("phone-actions.log", "ANSWERED ").split(" ")[2]));
        customerMedia.resetHearing(); // the queue music it heard until now came from the same relay port
        advisorMedia.resetHearing();
        await("Li and Erin hear each other through " + node.baseUrl(),
                () -> hearsTheOther(customerMedia, customerSpeaksTo.get())
                        && hearsTheOther(advisorMedia, advisorSpeaksTo.get()));
    }

    /**
     * The node died: waits for the survivor's re-INVITE to both phones, which then speak to the relay ports it named,
     * and for each phone to hear the other's tone from those ports. Returns the milliseconds from {@code killedAt}.
     */
    long awaitMediaThroughSurvivor(long killedAt) throws Exception {
        String[] customerLine = awaitLog("customer-actions.log", "REINVITED ").split(" ");
        String[] phoneLine = awaitLog("phone-actions.log", "REINVITED ").split(" ");
        // REINVITED m=audio <relay port> <node's SIP port> <its Via>
        int customerRelay = Integer.parseInt(customerLine[2]);
        int advisorRelay = Integer.parseInt(phoneLine[2]);
        customerSpeaksTo.set(customerRelay);
        advisorSpeaksTo.set(advisorRelay);
        customerMedia.resetHearing();
        advisorMedia.resetHearing();
        await("Li hears Erin and Erin hears Li through the surviving node's relay",
                () -> hearsTheOther(customerMedia, customerRelay) && hearsTheOther(advisorMedia, advisorRelay));
        long backMs = System.currentTimeMillis() - killedAt;
        System.out.println("two-node failover: SIP media back both ways after " + backMs + " ms (customer heard "
                + customerMedia.packetsHeardFrom(customerRelay) + " packets, advisor "
                + advisorMedia.packetsHeardFrom(advisorRelay) + ", re-INVITEs from SIP port " + customerLine[3] + ")");
        return backMs;
    }

    /** The SIP port of the node that re-INVITEd the customer. */
    int reinvitedFrom() {
        return Integer.parseInt(log("customer-actions.log").lines().filter(l -> l.startsWith("REINVITED "))
                .findFirst().orElseThrow().split(" ")[3]);
    }

    /**
     * Li hangs up (the test tells her phone with an INFO in the dialog): her BYE goes to the Contact of the node that
     * re-INVITEd her, which answers 200 and hangs Erin's phone up.
     */
    void customerHangsUp() throws Exception {
        String info = "INFO sip:li@127.0.0.1:" + customerSipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-test-hangs-up\r\n"
                + "From: <sip:test@127.0.0.1>;tag=test\r\nTo: <sip:li@mvtm.local>\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: 1 INFO\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] bytes = info.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), customerSipPort)));
        }
        assertThat(customer.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && customer.exitValue() == 0)
                .as("the customer's BYE was answered 200 by the surviving node:\n" + log("customer-actions.log")
                        + SipJourneyTest.read(dir.resolve("customer.err")))
                .isTrue();
        assertThat(deskPhone.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && deskPhone.exitValue() == 0)
                .as("the desk phone got the surviving node's BYE:\n" + log("phone-actions.log")
                        + SipJourneyTest.read(dir.resolve("phone.err")))
                .isTrue();
    }

    /** {@code ear} heard the other phone's tone from {@code relayPort}, the relay leg it speaks to (symmetric RTP). */
    private static boolean hearsTheOther(RtpPhone ear, int relayPort) {
        return ear.packetsHeardFrom(relayPort) > HEARD && ear.meanEnergy() > RtpPhone.HEARS_TONE;
    }

    /** Both phones speak, 20 ms at a time, to the relay port their latest SDP named. */
    private void speak() {
        while (!Thread.currentThread().isInterrupted()) {
            speakTo(customerMedia, customerSpeaksTo.get());
            speakTo(advisorMedia, advisorSpeaksTo.get());
            if (customerSpeaksTo.get() == 0 && advisorSpeaksTo.get() == 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void speakTo(RtpPhone phone, int port) {
        if (port > 0) {
            phone.speak("c=IN IP4 127.0.0.1\r\nm=audio " + port + " RTP/AVP 0\r\n", 1);
        }
    }

    private String awaitLog(String file, String prefix) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> line = log(file).lines().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent()) {
                return line.get().trim();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + prefix.trim() + "' in " + file + ":\n" + log(file) + "\ncustomer: "
                + SipJourneyTest.read(dir.resolve("customer.err")) + "\ndesk phone: "
                + SipJourneyTest.read(dir.resolve("phone.err")) + "\nnode:\n" + node.output());
    }

    private void await(String what, BooleanSupplier done) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": customer heard " + customerMedia.packetsHeard() + " packets (mean |sample| "
                        + customerMedia.meanEnergy() + "), advisor " + advisorMedia.packetsHeard() + " ("
                        + advisorMedia.meanEnergy() + ")\n" + log("customer-actions.log") + log("phone-actions.log"));
            }
            Thread.sleep(100);
        }
    }

    private String log(String file) {
        return SipJourneyTest.read(dir.resolve(file));
    }

    @Override
    public void close() {
        voices.interrupt();
        if (customer != null) {
            customer.destroyForcibly();
        }
        if (deskPhone != null) {
            deskPhone.destroyForcibly();
        }
        customerMedia.close();
        advisorMedia.close();
    }
}

package org.mvtm.media.embedded;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.mvtm.core.Party;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MediaSession;
import org.mvtm.media.sdp.SessionDescription;

/**
 * A phone on loopback for the mix tests: offers one audio m-line from its own socket, sends RTP to the relay's answer
 * address and hands every packet it receives to {@link #packet} on a virtual thread.
 */
abstract class LoopbackPhone implements AutoCloseable {
    final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    final AtomicInteger received = new AtomicInteger();
    private final String formats;
    private InetSocketAddress relay;

    /** {@code formats}: what follows {@code RTP/AVP} in the m-line, with any a= lines, e.g. {@code "0"}. */
    LoopbackPhone(String formats) throws IOException {
        this.formats = formats;
    }

    /** Starts receiving; the last call of a subclass's constructor (what {@link #packet} uses is ready then). */
    final void listen() {
        Thread.ofVirtual().start(this::receive);
    }

    String offer() {
        return offer(formats);
    }

    /** An offer of {@code formats} (as in the constructor) from this phone's socket. */
    String offer(String formats) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio "
                + socket.getLocalPort() + " RTP/AVP " + formats + "\r\n";
    }

    void useAnswer(String sdp) {
        var m = SessionDescription.parse(sdp).first(MediaKind.AUDIO).orElseThrow();
        relay = new InetSocketAddress(m.connectionAddress(), m.port());
    }

    /** Joins {@code session} as the leg {@code legId} of {@code party}: offers, and sends to the relay's answer. */
    void joins(MediaSession session, String legId, Party party) {
        useAnswer(session.addRtpLeg(legId, party, offer()));
    }

    /** A phone that speaks a frame at a time and remembers what it heard, until it forgets. */
    interface Talker {
        void speak() throws IOException;

        void forget();

        /** {@code listeners} forget what they heard so far, then {@code speakers} speak 40 frames, 5 ms apart. */
        static void talk(Collection<? extends Talker> listeners, Talker... speakers) throws Exception {
            for (Talker p : listeners) {
                p.forget();
            }
            for (int i = 0; i < 40; i++) {
                for (Talker p : speakers) {
                    p.speak();
                }
                Thread.sleep(5);
            }
        }
    }

    /** A call: the customer's phone joins {@code session} as the leg "customer", the advisor's as "advisor". */
    static void call(MediaSession session, LoopbackPhone customer, LoopbackPhone advisor) {
        customer.joins(session, "customer", Party.CUSTOMER);
        advisor.joins(session, "advisor", Party.ADVISOR);
    }

    /** A {@link #call}, and the supervisor's phone joins it as the leg "supervisor" (not monitoring yet). */
    static void monitoredCall(MediaSession session, LoopbackPhone customer, LoopbackPhone advisor,
                              LoopbackPhone supervisor) {
        call(session, customer, advisor);
        supervisor.joins(session, "supervisor", Party.SUPERVISOR);
    }

    void send(byte[] packet, int length) throws IOException {
        socket.send(new DatagramPacket(packet, length, relay));
    }

    /** One RTP packet received from the relay. */
    abstract void packet(byte[] b, int length);

    private void receive() {
        byte[] b = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(b, b.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            packet(b, p.getLength());
            received.incrementAndGet();
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

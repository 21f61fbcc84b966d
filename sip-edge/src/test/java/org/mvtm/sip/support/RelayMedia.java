package org.mvtm.sip.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.G711;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.LegTakenException;

/**
 * An in-test media bridge that really relays RTP: one UDP socket per leg on 127.0.0.1, PCMU only, packets from
 * the customer leg forwarded to the advisor's address and back. Counts packets and the audio energy (mean
 * absolute linear sample value of the decoded PCMU) delivered to each side. Queue and hold music are a paced
 * 440 Hz PCMU tone; a re-offer keeps the leg's port and honours the offered direction. It passes the same
 * {@link CallMediaContract} as the server's adapter over the real media bridge.
 */
public final class RelayMedia implements CallMedia {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Map<InteractionId, Session> sessions = new ConcurrentHashMap<>();

    public static final class Leg {
        final DatagramSocket socket;
        volatile InetSocketAddress remote;
        /** The peer's SDP lets us send to it (not sendonly / inactive / c=0.0.0.0). */
        volatile boolean peerReceives = true;
        volatile boolean onHold;
        volatile Thread music;
        public final AtomicLong packetsDelivered = new AtomicLong();
        public final AtomicLong energySum = new AtomicLong();
        public final AtomicLong samples = new AtomicLong();

        Leg() {
            try {
                socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Mean absolute sample value of the audio sent out of this leg (to its peer). */
        public double meanEnergy() {
            long n = samples.get();
            return n == 0 ? 0 : (double) energySum.get() / n;
        }
    }

    public static final class Session {
        public final Map<Party, Leg> legs = new ConcurrentHashMap<>();
        volatile boolean released;

        public Leg leg(Party p) {
            return legs.get(p);
        }
    }

    private Session session(InteractionId id) {
        return sessions.computeIfAbsent(id, k -> new Session());
    }

    private Leg leg(InteractionId id, Party party) {
        Session s = session(id);
        return s.legs.computeIfAbsent(party, p -> {
            Leg leg = new Leg();
            Thread.ofVirtual().start(() -> pump(s, p, leg));
            return leg;
        });
    }

    private void pump(Session s, Party from, Leg leg) {
        byte[] buf = new byte[2048];
        while (!leg.socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                leg.socket.receive(p);
                Party to = from == Party.CUSTOMER ? Party.ADVISOR : Party.CUSTOMER;
                Leg other = s.legs.get(to);
                if (other == null || other.remote == null || p.getLength() <= 12 || leg.onHold || other.onHold
                        || !other.peerReceives || other.music != null) {
                    continue;
                }
                other.socket.send(new DatagramPacket(p.getData(), 0, p.getLength(), other.remote));
                other.packetsDelivered.incrementAndGet();
                if ((p.getData()[1] & 0x7f) == 0) { // PCMU
                    for (int i = 12; i < p.getLength(); i++) {
                        other.energySum.addAndGet(Math.abs(G711.ulawToLinear(p.getData()[i])));
                        other.samples.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public String answer(InteractionId interaction, Party party, String sdpOffer) {
        calls.add("answer " + party + " " + interaction);
        if (!offersPcmu(sdpOffer)) {
            throw new IllegalArgumentException("the offer has no PCMU audio");
        }
        if (session(interaction).legs.containsKey(party)) {
            throw new IllegalArgumentException("the " + party + " leg of " + interaction + " exists: re-offer it");
        }
        Leg leg = leg(interaction, party);
        leg.remote = remoteOf(sdpOffer);
        leg.peerReceives = receives(sdpOffer);
        return sdp(leg.port(), answerDirection(sdpOffer));
    }

    @Override
    public String reoffer(InteractionId interaction, Party party, String sdpOffer) {
        calls.add("reoffer " + party + " " + interaction);
        Leg leg = existingLeg(interaction, party).orElseThrow(() -> new IllegalArgumentException(
                "no " + party + " leg for " + interaction + " to re-offer"));
        if (!offersPcmu(sdpOffer)) {
            throw new IllegalArgumentException("the offer has no PCMU audio");
        }
        InetSocketAddress to = remoteOf(sdpOffer);
        if (!to.getAddress().isAnyLocalAddress()) {
            leg.remote = to;
        }
        leg.peerReceives = receives(sdpOffer);
        return sdp(leg.port(), answerDirection(sdpOffer));
    }

    @Override
    public void stopQueueAnnouncement(InteractionId interaction) {
        calls.add("stop-announce " + interaction);
        existingLeg(interaction, Party.CUSTOMER).ifPresent(RelayMedia::stopMusic);
    }

    /** The {@code party}'s leg of {@code interaction}, if it has one. */
    private Optional<Leg> existingLeg(InteractionId interaction, Party party) {
        return Optional.ofNullable(sessions.get(interaction)).map(s -> s.legs.get(party));
    }

    @Override
    public void hold(InteractionId interaction, Party party, boolean onHold) {
        calls.add((onHold ? "hold " : "resume ") + party + " " + interaction);
        Leg leg = session(interaction).legs.get(party);
        if (leg == null) {
            throw new IllegalStateException("no " + party + " leg for " + interaction);
        }
        leg.onHold = onHold;
        if (onHold) {
            startMusic(leg);
        } else {
            stopMusic(leg);
        }
    }

    /** A 440 Hz PCMU tone, one 20 ms packet at a time, to the leg's peer until stopped. */
    private static void startMusic(Leg leg) {
        stopMusic(leg);
        byte[] packet = new byte[12 + RtpPackets.SAMPLES];
        leg.music = Thread.ofVirtual().start(() -> {
            int seq = 0;
            long samples = 0;
            while (!Thread.currentThread().isInterrupted() && !leg.socket.isClosed()) {
                RtpPackets.tone(packet, seq++, samples, 0, 4000);
                samples += RtpPackets.SAMPLES;
                InetSocketAddress to = leg.remote;
                try {
                    if (to != null && leg.peerReceives) {
                        leg.socket.send(new DatagramPacket(packet, packet.length, to));
                    }
                    Thread.sleep(20);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static void stopMusic(Leg leg) {
        Thread t = leg.music;
        leg.music = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public String offer(InteractionId interaction, Party party) {
        calls.add("offer " + party + " " + interaction);
        if (session(interaction).legs.containsKey(party)) {
            throw new LegTakenException("the " + party + " leg of " + interaction + " exists"); // as the bridge
        }
        return sdp(leg(interaction, party).port());
    }

    @Override
    public void applyAnswer(InteractionId interaction, Party party, String sdpAnswer) {
        calls.add("applyAnswer " + party + " " + interaction);
        Leg leg = session(interaction).legs.get(party);
        if (leg == null) {
            throw new IllegalStateException("no " + party + " leg for " + interaction);
        }
        leg.remote = remoteOf(sdpAnswer);
    }

    @Override
    public void playQueueAnnouncement(InteractionId interaction) {
        calls.add("announce " + interaction);
        existingLeg(interaction, Party.CUSTOMER).ifPresent(RelayMedia::startMusic);
    }

    @Override
    public void removeLeg(InteractionId interaction, Party party) {
        calls.add("removeLeg " + party + " " + interaction);
        Session s = sessions.get(interaction);
        if (s != null) {
            Leg leg = s.legs.remove(party);
            if (leg != null) {
                stopMusic(leg);
                leg.socket.close();
            }
        }
    }

    @Override
    public void release(InteractionId interaction) {
        calls.add("release " + interaction);
        Session s = sessions.get(interaction);
        if (s != null && !s.released) {
            s.released = true;
            s.legs.values().forEach(l -> {
                stopMusic(l);
                l.socket.close();
            });
        }
    }

    public boolean released(InteractionId id) {
        Session s = sessions.get(id);
        return s != null && s.released;
    }

    static boolean offersPcmu(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=audio")) {
                String[] f = line.strip().split(" ");
                for (int i = 3; i < f.length; i++) {
                    if (f[i].equals("0")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static InetSocketAddress remoteOf(String sdp) {
        String host = "127.0.0.1";
        int port = -1;
        for (String line : sdp.split("\r?\n")) {
            line = line.strip();
            if (line.startsWith("c=IN IP4 ")) {
                host = line.substring(9).strip();
            } else if (line.startsWith("m=audio ")) {
                port = Integer.parseInt(line.split(" ")[1]);
            }
        }
        if (port <= 0) {
            throw new IllegalArgumentException("no audio port in SDP");
        }
        return new InetSocketAddress(host, port);
    }

    /** The peer may receive from us: not sendonly or inactive, not the RFC 2543 hold address 0.0.0.0. */
    static boolean receives(String sdp) {
        return !sdp.contains("a=sendonly") && !sdp.contains("a=inactive") && !sdp.contains("c=IN IP4 0.0.0.0");
    }

    static String answerDirection(String offer) {
        boolean sends = !offer.contains("a=recvonly") && !offer.contains("a=inactive");
        boolean receives = receives(offer);
        return sends && receives ? "sendrecv" : sends ? "recvonly" : receives ? "sendonly" : "inactive";
    }

    public static String sdp(int port) {
        return sdp(port, "sendrecv");
    }

    public static String sdp(int port, String direction) {
        return "v=0\r\n"
                + "o=relay 1 1 IN IP4 127.0.0.1\r\n"
                + "s=relay\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=" + direction + "\r\n";
    }
}

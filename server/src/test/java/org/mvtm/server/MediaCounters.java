package org.mvtm.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the RTP packets SIPp ends send and receive, with nftables counters on this host's output and input hooks
 * (bench/capacity.sh), so each path's added media loss is measured without standing in the path. Every end plays a
 * constant payload byte (its mark): the receiving end counts only the packets that carry the other end's mark, so a
 * server's queue announcement or a tone is not taken for the caller's audio. A SIPp 3.6 end sends and receives its
 * RTP on its one media port (-mp). Needs nft and CAP_NET_ADMIN; without them {@link #open} says why and the page
 * reports the loss as not measured. The table is removed on {@link #close}.
 */
final class MediaCounters implements AutoCloseable {
    /** The payload byte the customer's audio carries (a quiet positive µ-law sample). */
    static final int CUSTOMER_MARK = 0xF5;
    /** The payload byte the advisor phone's audio carries (a quiet negative µ-law sample). */
    static final int PHONE_MARK = 0x75;
    private static final Pattern PACKETS = Pattern.compile("packets (\\d+)");

    /** One direction: packets leaving the sender's media port, and those reaching the receiver's with its mark. */
    record Direction(String sent, String received) {
    }

    /** Both directions of one path over one step. */
    record Loss(long toPhoneSent, long toPhoneReceived, long toCustomerSent, long toCustomerReceived) {
        double toPhonePercent() {
            return lost(toPhoneSent, toPhoneReceived);
        }

        double toCustomerPercent() {
            return lost(toCustomerSent, toCustomerReceived);
        }

        private static double lost(long sent, long received) {
            return sent == 0 ? Double.NaN : 100.0 * (sent - received) / sent;
        }
    }

    private final String table;
    private final String unavailable;
    private int counters;

    private MediaCounters(String table, String unavailable) {
        this.table = table;
        this.unavailable = unavailable;
    }

    /** A fresh table for this run, or a disabled instance that says why it cannot count. */
    static MediaCounters open() {
        String table = "mvtm_capacity_" + ProcessHandle.current().pid();
        try {
            nft("add", "table", "inet", table);
            nft("add", "chain", "inet", table, "in", "{ type filter hook input priority 0; policy accept; }");
            nft("add", "chain", "inet", table, "out", "{ type filter hook output priority 0; policy accept; }");
            MediaCounters counters = new MediaCounters(table, null);
            Runtime.getRuntime().addShutdownHook(new Thread(counters::close));
            return counters;
        } catch (Exception e) {
            return new MediaCounters(table, "nftables counters unavailable (" + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("") + "): run as root with nft installed");
        }
    }

    /** Why media loss is not counted, or null when it is. */
    String unavailable() {
        return unavailable;
    }

    /** Counts from now on what the ends on {@code fromPorts} send and what of it (by {@code mark}) reaches {@code toPort}. */
    Direction direction(List<Integer> fromPorts, int mark, List<Integer> toPorts) throws Exception {
        if (unavailable != null) {
            return null;
        }
        int n = ++counters;
        Direction d = new Direction("sent" + n, "received" + n);
        nft("add", "counter", "inet", table, d.sent());
        nft("add", "counter", "inet", table, d.received());
        nft("add", "rule", "inet", table, "out", "udp", "sport", set(fromPorts), "counter", "name", d.sent());
        // the RTP payload starts 20 bytes into the UDP datagram (8 UDP + 12 RTP header bytes): its first four bytes
        String payload = "0x" + "%02x".formatted(mark).repeat(4);
        nft("add", "rule", "inet", table, "in", "udp", "dport", set(toPorts), "@th,160,32", payload,
                "counter", "name", d.received());
        return d;
    }

    /** The packets counted so far for a path's two directions, or null when nothing is counted. */
    Loss read(Direction toPhone, Direction toCustomer) throws Exception {
        if (unavailable != null || toPhone == null || toCustomer == null) {
            return null;
        }
        return new Loss(packets(toPhone.sent()), packets(toPhone.received()), packets(toCustomer.sent()),
                packets(toCustomer.received()));
    }

    private long packets(String counter) throws Exception {
        Matcher m = PACKETS.matcher(nft("list", "counter", "inet", table, counter));
        if (!m.find()) {
            throw new IllegalStateException("nft counter " + counter + " has no packet count");
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        if (unavailable == null) {
            try {
                nft("delete", "table", "inet", table);
            } catch (Exception alreadyGone) {
                // removed by an earlier close
            }
        }
    }

    private static String set(List<Integer> ports) {
        return "{ " + ports.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + " }";
    }

    private static String nft(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("nft"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out.strip());
        }
        return out;
    }
}

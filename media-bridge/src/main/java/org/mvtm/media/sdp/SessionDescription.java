package org.mvtm.media.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.media.MediaKind;

/**
 * A parsed SDP (RFC 8866) with what the bridge needs: per m-section codecs (rtpmap/fmtp/rtcp-fb), mid, direction,
 * connection address, ICE credentials, DTLS fingerprint and setup role (session-level values are inherited), SSRCs
 * and candidates. Parsing is line-oriented and tolerant of unknown lines; structural errors throw
 * {@link SdpException} naming the offending line.
 */
public record SessionDescription(String connectionAddress, List<String> bundleGroup, List<MediaDescription> media,
                                 boolean iceLite) {
    public SessionDescription {
        bundleGroup = List.copyOf(bundleGroup);
        media = List.copyOf(media);
    }

    public static SessionDescription parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpException("SDP is empty");
        }
        String[] lines = sdp.split("\r?\n");
        if (!lines[0].startsWith("v=0")) {
            throw new SdpException("SDP must start with v=0 but starts with '" + abbreviate(lines[0]) + "'");
        }
        Map<String, String> session = new HashMap<>();
        String sessionConnection = null;
        List<String> bundle = new ArrayList<>();
        boolean iceLite = false;
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpException("SDP line " + (i + 1) + " is not of the form x=...: '" + abbreviate(line) + "'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                current = new Section(value, i + 1);
                sections.add(current);
            } else if (type == 'c') {
                String addr = connectionAddress(value, i + 1);
                if (current == null) {
                    sessionConnection = addr;
                } else {
                    current.connection = addr;
                }
            } else if (type == 'a') {
                int colon = value.indexOf(':');
                String name = colon < 0 ? value : value.substring(0, colon);
                String attr = colon < 0 ? "" : value.substring(colon + 1);
                if (current == null) {
                    if (name.equals("group") && attr.startsWith("BUNDLE") && bundle.isEmpty()) {
                        // one BUNDLE transport per leg: a second group's m-lines are answered as not bundled
                        bundle.addAll(List.of(attr.substring(6).trim().split("\\s+")));
                    } else if (name.equals("ice-lite")) {
                        iceLite = true;
                    } else {
                        session.putIfAbsent(name, attr);
                    }
                } else {
                    current.attribute(name, attr, i + 1);
                }
            }
        }
        if (sections.isEmpty()) {
            throw new SdpException("SDP has no m= line");
        }
        List<MediaDescription> media = new ArrayList<>();
        for (Section s : sections) {
            media.add(s.build(session, sessionConnection));
        }
        bundle.removeIf(String::isEmpty);
        return new SessionDescription(sessionConnection, bundle, media, iceLite);
    }

    public Optional<MediaDescription> first(MediaKind kind) {
        return media.stream().filter(m -> m.kind().equals(Optional.of(kind)) && m.port() != 0).findFirst();
    }

    private static String connectionAddress(String value, int line) {
        String[] p = value.trim().split("\\s+");
        if (p.length < 3 || !p[0].equals("IN")) {
            throw new SdpException("SDP line " + line + ": c= must be 'IN IP4 <address>' but was '" + value + "'");
        }
        return p[2].contains("/") ? p[2].substring(0, p[2].indexOf('/')) : p[2];
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** Mutable accumulator for one m-section while parsing. */
    private static final class Section {
        final String media;
        final int port;
        final String protocol;
        final List<Integer> formats = new ArrayList<>();
        final Map<Integer, String> rtpmap = new LinkedHashMap<>();
        final Map<Integer, String> fmtp = new HashMap<>();
        final Map<Integer, List<String>> feedback = new HashMap<>();
        final Map<String, String> attrs = new HashMap<>();
        final List<Long> ssrcs = new ArrayList<>();
        final List<String> candidates = new ArrayList<>();
        final List<MediaDescription.HeaderExtension> extensions = new ArrayList<>();
        final List<String> rids = new ArrayList<>();
        boolean bundleOnly;
        String simulcast;
        String connection;
        String direction = "sendrecv";
        boolean rtcpMux;

        Section(String value, int line) {
            String[] p = value.trim().split("\\s+");
            if (p.length < 3) {
                throw new SdpException("SDP line " + line + ": m= needs media, port, protocol: '" + value + "'");
            }
            media = p[0];
            try {
                port = Integer.parseInt(p[1].contains("/") ? p[1].substring(0, p[1].indexOf('/')) : p[1]);
            } catch (NumberFormatException e) {
                throw new SdpException("SDP line " + line + ": bad port '" + p[1] + "'");
            }
            if (port < 0 || port > 65535) {
                throw new SdpException("SDP line " + line + ": port " + port + " out of range");
            }
            protocol = p[2];
            if (protocol.contains("RTP")) {
                for (int i = 3; i < p.length; i++) {
                    try {
                        formats.add(Integer.parseInt(p[i]));
                    } catch (NumberFormatException e) {
                        throw new SdpException("SDP line " + line + ": bad payload type '" + p[i] + "'");
                    }
                }
            }
        }

        void attribute(String name, String value, int line) {
            switch (name) {
                case "rtpmap" -> rtpmap.put(pt(value, line), value.substring(value.indexOf(' ') + 1).trim());
                case "fmtp" -> fmtp.put(pt(value, line), value.substring(value.indexOf(' ') + 1).trim());
                case "rtcp-fb" -> {
                    if (!value.startsWith("*")) {
                        feedback.computeIfAbsent(pt(value, line), k -> new ArrayList<>())
                                .add(value.substring(value.indexOf(' ') + 1).trim());
                    }
                }
                case "sendrecv", "sendonly", "recvonly", "inactive" -> direction = name;
                case "rtcp-mux" -> rtcpMux = true;
                case "ssrc" -> {
                    String id = value.split(" ")[0];
                    try {
                        long ssrc = Long.parseLong(id);
                        if (!ssrcs.contains(ssrc)) {
                            ssrcs.add(ssrc);
                        }
                    } catch (NumberFormatException e) {
                        throw new SdpException("SDP line " + line + ": bad ssrc '" + id + "'");
                    }
                }
                case "candidate" -> candidates.add(value);
                case "bundle-only" -> bundleOnly = true;
                case "extmap" -> extensions.add(extmap(value, line));
                case "rid" -> rids.add(value.trim().split("\\s+")[0]);
                case "simulcast" -> simulcast = value.trim();
                default -> attrs.putIfAbsent(name, value);
            }
        }

        /** {@code <id>[/<direction>] <uri> [<attributes>]} (RFC 8285 section 8). */
        private static MediaDescription.HeaderExtension extmap(String value, int line) {
            String[] p = value.trim().split("\\s+");
            if (p.length < 2) {
                throw new SdpException("SDP line " + line + ": a=extmap needs an id and a URI: '" + value + "'");
            }
            int slash = p[0].indexOf('/');
            String idText = slash < 0 ? p[0] : p[0].substring(0, slash);
            int id;
            try {
                id = Integer.parseInt(idText);
            } catch (NumberFormatException e) {
                throw new SdpException("SDP line " + line + ": bad a=extmap id '" + idText + "'");
            }
            if (id < 1 || id > 255) {
                throw new SdpException("SDP line " + line + ": a=extmap id " + id + " is outside 1..255");
            }
            return new MediaDescription.HeaderExtension(id, slash < 0 ? "sendrecv" : p[0].substring(slash + 1), p[1]);
        }

        private static int pt(String value, int line) {
            String first = value.split("\\s+")[0];
            try {
                return Integer.parseInt(first);
            } catch (NumberFormatException e) {
                throw new SdpException("SDP line " + line + ": bad payload type '" + first + "'");
            }
        }

        MediaDescription build(Map<String, String> session, String sessionConnection) {
            Optional<MediaKind> kind = switch (media) {
                case "audio" -> Optional.of(MediaKind.AUDIO);
                case "video" -> Optional.of(MediaKind.VIDEO);
                default -> Optional.empty();
            };
            List<Codec> codecs = new ArrayList<>();
            for (int f : formats) {
                String map = rtpmap.get(f);
                Codec codec;
                if (map == null) {
                    codec = Codec.staticType(f);
                    if (codec == null) {
                        continue;
                    }
                } else {
                    String[] p = map.split("/");
                    int clock;
                    int channels;
                    try {
                        clock = p.length > 1 ? Integer.parseInt(p[1]) : 8000;
                        channels = p.length > 2 ? Integer.parseInt(p[2]) : 1;
                    } catch (NumberFormatException e) {
                        throw new SdpException("bad rtpmap for payload type " + f + ": '" + map + "'");
                    }
                    codec = new Codec(f, kind.orElse(MediaKind.AUDIO), p[0], clock, channels, null, List.of());
                }
                codecs.add(new Codec(f, codec.kind(), codec.name(), codec.clockRate(), codec.channels(),
                        fmtp.get(f), feedback.getOrDefault(f, List.of())));
            }
            String fingerprint = attrs.getOrDefault("fingerprint", session.get("fingerprint"));
            String fpHash = null;
            String fpValue = null;
            if (fingerprint != null) {
                String[] p = fingerprint.trim().split("\\s+");
                if (p.length != 2) {
                    throw new SdpException("bad a=fingerprint '" + fingerprint + "'");
                }
                fpHash = p[0].toLowerCase(Locale.ROOT);
                fpValue = p[1];
            }
            int ptime = 0;
            String pt = attrs.get("ptime");
            if (pt != null) {
                try {
                    ptime = Integer.parseInt(pt.trim());
                } catch (NumberFormatException e) {
                    throw new SdpException("bad a=ptime '" + pt + "'");
                }
            }
            return new MediaDescription(media, kind, port, protocol, codecs, attrs.get("mid"), direction,
                    connection != null ? connection : sessionConnection,
                    attrs.getOrDefault("ice-ufrag", session.get("ice-ufrag")),
                    attrs.getOrDefault("ice-pwd", session.get("ice-pwd")), fpHash, fpValue,
                    attrs.getOrDefault("setup", session.get("setup")), rtcpMux, ssrcs, candidates, ptime,
                    bundleOnly, extensions, rids, simulcast);
        }
    }
}

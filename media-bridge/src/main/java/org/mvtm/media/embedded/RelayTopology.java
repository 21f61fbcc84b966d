package org.mvtm.media.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.Party;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.MediaKind;
import org.mvtm.media.api.MonitorMode;
import org.mvtm.media.opus.OpusCodec;

/**
 * Who hears whom in one call, the one place that decides it: the two-way connections between customer and advisor
 * legs (and any {@code connect}ed pair), plus the one-way edges of monitoring supervisors ({@link MonitorMode}).
 * From them it sets each leg's {@link Leg#targets} and, for a leg that hears more than one audio source when they can
 * be mixed (G.711 and Opus, in any combination: they are transcoded into the listener's codec; Opus needs libopus:
 * {@link AudioFrames#cannotMix}), its {@link Leg#mix}.
 * A shared screen ({@link LegKind#SCREEN}) connects only to the other party's screen leg (see
 * {@link EmbeddedMediaSession#register}) and is never monitored. Each source's camera goes out to a leg on a video
 * stream of its own ({@link VideoSlots}): a page that offered a receive-only video m-section per other participant
 * shows each of their cameras; a source no longer relayed to a leg frees its stream there.
 * Called under the session lock on every topology change; the packet path only reads the results.
 */
final class RelayTopology {
    private RelayTopology() {
    }

    static void apply(Collection<Leg> legs, Set<Set<String>> connections, Map<String, MonitorMode> monitors,
                      OpusCodec opus) {
        Map<Leg, List<Leg>> targets = new LinkedHashMap<>();
        Map<Leg, List<Leg>> sources = new LinkedHashMap<>();
        for (Leg leg : legs) {
            targets.put(leg, new ArrayList<>());
            sources.put(leg, new ArrayList<>());
        }
        Map<String, Leg> byId = new LinkedHashMap<>();
        legs.forEach(l -> byId.put(l.id, l));
        for (Set<String> c : connections) {
            List<Leg> pair = c.stream().map(byId::get).toList();
            if (pair.size() == 2 && pair.get(0) != null && pair.get(1) != null) {
                edge(pair.get(0), pair.get(1), targets, sources);
                edge(pair.get(1), pair.get(0), targets, sources);
            }
        }
        for (Map.Entry<String, MonitorMode> m : monitors.entrySet()) {
            Leg supervisor = byId.get(m.getKey());
            if (supervisor == null) {
                continue;
            }
            for (Leg leg : legs) {
                if (leg.kind == LegKind.SCREEN) {
                    continue; // a supervisor's leg has one video stream: the parties' cameras
                }
                boolean customer = leg.party == Party.CUSTOMER;
                boolean advisor = leg.party == Party.ADVISOR;
                if (customer || advisor) {
                    edge(leg, supervisor, targets, sources);
                }
                if (advisor && m.getValue() != MonitorMode.LISTEN || customer && m.getValue() == MonitorMode.BARGE) {
                    edge(supervisor, leg, targets, sources);
                }
            }
        }
        for (Leg leg : legs) {
            leg.targets = targets.get(leg).toArray(new Leg[0]);
            leg.mix = mixFor(leg, sources.get(leg), opus);
            leg.videoSlots.keepOnly(sources.get(leg)); // a camera that left frees its stream for the next
        }
    }

    private static AudioMix mixFor(Leg listener, List<Leg> sources, OpusCodec opus) {
        List<Leg> audio = sources.stream().filter(s -> s.mainCodec(MediaKind.AUDIO) != null).toList();
        List<Leg> everyone = new ArrayList<>(audio);
        everyone.add(listener);
        if (audio.size() < 2 || listener.mainCodec(MediaKind.AUDIO) == null
                || AudioFrames.cannotMix(everyone, opus).isPresent()) {
            return null;
        }
        // the clock is a customer's or advisor's leg when there is one: they send all the time, supervisors join
        List<Leg> ordered = new ArrayList<>(audio);
        ordered.sort((a, b) -> Boolean.compare(a.party == Party.SUPERVISOR,
                b.party == Party.SUPERVISOR));
        return new AudioMix(ordered.toArray(new Leg[0]));
    }

    private static void edge(Leg from, Leg to, Map<Leg, List<Leg>> targets, Map<Leg, List<Leg>> sources) {
        if (from != to && !targets.get(from).contains(to)) {
            targets.get(from).add(to);
            sources.get(to).add(from);
        }
    }
}

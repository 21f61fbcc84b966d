package org.mvtm.routing.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * Command line: {@code --agents N --arrivals-per-hour X --aht-seconds S --sla-seconds T --hours H --seed K
 * [--patience-seconds P]}; prints one JSON object (serviceLevel, asaSeconds, probWait, occupancy, abandonRate, offered...).
 */
public final class SimulateRouting {
    private SimulateRouting() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument '" + args[i] + "'");
            }
            a.put(args[i].substring(2), args[++i]);
        }
        try {
            RoutingSimulator.Params p = new RoutingSimulator.Params(
                    Integer.parseInt(required(a, "agents")),
                    Double.parseDouble(required(a, "arrivals-per-hour")),
                    Double.parseDouble(required(a, "aht-seconds")),
                    Double.parseDouble(a.getOrDefault("sla-seconds", "20")),
                    Double.parseDouble(a.getOrDefault("hours", "8")),
                    Long.parseLong(a.getOrDefault("seed", "1")),
                    Double.parseDouble(a.getOrDefault("patience-seconds", "0")));
            System.out.println(new RoutingSimulator(p).run().toJson());
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
    }

    private static String required(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            usage("--" + key + " is required");
        }
        return v;
    }

    private static void usage(String problem) {
        System.err.println("simulate-routing: " + problem);
        System.err.println("usage: simulate-routing --agents N --arrivals-per-hour X --aht-seconds S --sla-seconds T --hours H --seed K [--patience-seconds P]");
        System.exit(2);
    }
}

package org.mvtm.server;

import java.util.List;

import org.mvtm.server.CapacityBenchmark.Phase;
import org.mvtm.server.CapacityBenchmark.Result;
import org.mvtm.server.CapacityBenchmark.Step;

/**
 * The two-node section of bench/capacity.sh's page (issue 17 item 5): the cluster's steps next to the single node's
 * at the same offered rates, and the scaling ratio.
 */
final class TwoNodeReport {
    private TwoNodeReport() {
    }

    static String report(int advisors, List<Step> oneNode, Phase twoNodes) {
        StringBuilder b = new StringBuilder("\n## Two nodes\n\n");
        b.append("After the single node, the same steps against two server nodes sharing one redis-server and one ")
                .append("PostgreSQL (node A seeded the demo into it), ").append(advisors).append(" advisors provisioned ")
                .append("through node A, their consoles alternately on node A and node B, all desk phones registered ")
                .append("through node A (registrations live in Redis), the customers split evenly between the two nodes' ")
                .append("SIP ports (two SIPp instances side by side). CPU/call = both JVMs. Ratio = calls answered per ")
                .append("second by the two nodes ÷ by the single node at the same offered rate.\n\n");
        b.append("| offered cps | uptime before | calls ok | failed | achieved cps | INVITE→200 p50 (ms) | p99 (ms) |")
                .append(" most concurrent calls | media loss to phone / to customer (%) | CPU/call (ms) | ratio |")
                .append(" video calls ok / failed, loss to advisor / to customer (%) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Step st : twoNodes.steps()) {
            Result two = sip(st);
            Result one = oneNode.stream().filter(s -> s.rate() == st.rate()).map(TwoNodeReport::sip).findFirst().orElse(null);
            String video = st.results().stream().filter(r -> r.path().equals(VideoCalls.PATH)).findFirst()
                    .map(v -> v.ok() + " / " + v.failed() + ", " + CapacityBenchmark.loss(v.loss())).orElse("");
            b.append(String.format("| %d | %s | %d | %d | %.1f | %.1f | %.1f | %d | %s | %s | %s | %s |%n", st.rate(),
                    st.uptime().replaceAll(".*load average: ", "load "), two.ok(), two.failed(), two.cps(), two.p50(),
                    two.p99(), two.maxConcurrent(), CapacityBenchmark.loss(two.loss()),
                    Double.isNaN(two.cpuMsPerCall()) ? "" : String.format("%.1f", two.cpuMsPerCall()),
                    one == null || one.ok() == 0 ? "" : String.format("%.2f", answeredPerSecond(two) / answeredPerSecond(one)),
                    video));
        }
        int bestOne = highestClean(oneNode);
        int bestTwo = highestClean(twoNodes.steps());
        b.append("\nHighest offered rate with 0 failed calls: one node ").append(bestOne == 0 ? "none" : bestOne + " calls/s")
                .append(", two nodes ").append(bestTwo == 0 ? "none" : bestTwo + " calls/s");
        int top = oneNode.stream().mapToInt(Step::rate).max().orElse(0);
        if (bestOne > 0 && bestTwo > 0) {
            b.append(bestOne == top && bestTwo == top ? " (both held every step: raise the rates to find the ratio)"
                    : String.format(": scaling ratio %.2f", (double) bestTwo / bestOne));
        }
        b.append(".\n\nRecordings the compliance officer finds on node A after the two-node run: ")
                .append(twoNodes.recordings())
                .append(" (calls answered through the two nodes: ").append(CapacityBenchmark.throughServer(twoNodes.steps()))
                .append(").\n").append(twoNodes.problems());
        return b.toString();
    }

    /** The step's SIP calls through the server (one node or two). */
    private static Result sip(Step st) {
        return st.results().stream().filter(r -> r.path().equals(CapacityBenchmark.THROUGH_SERVER)
                || r.path().equals(CapacityBenchmark.THROUGH_TWO_NODES)).findFirst().orElseThrow();
    }

    private static double answeredPerSecond(Result r) {
        return r.ok() / r.seconds();
    }

    private static int highestClean(List<Step> steps) {
        return steps.stream().filter(s -> sip(s).ok() > 0 && s.results().stream()
                .filter(r -> r.path().equals(VideoCalls.PATH) || r == sip(s)).allMatch(r -> r.failed() == 0))
                .mapToInt(Step::rate).max().orElse(0);
    }
}

package org.mvtm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mvtm.routing.sim.RoutingSimulator;

/**
 * The simulator drives the real routing engine with Poisson arrivals and exponential handle times; for a single-skill
 * queue the results must match the Erlang C formula (numbers from issue 3, and recomputed here).
 */
@Tag("slow")
class ErlangCSimulationTest {

    /** Erlang C probability of waiting for {@code c} agents and offered load {@code a} Erlang. */
    static double erlangC(int c, double a) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double top = term * a / c * c / (c - a);
        return top / (sum + top);
    }

    @ParameterizedTest(name = "{0} advisors: SL {1}, ASA {2} s, P(wait) {3}")
    @CsvSource({"22, 0.822, 12.5, 0.278", "23, 0.891, 6.9, 0.191"})
    void simulatedSingleSkillQueueMatchesErlangC(int agents, double sl, double asa, double pWait) {
        double lambda = 360 / 3600.0;
        double aht = 180;
        double a = lambda * aht;
        double pw = erlangC(agents, a);
        double formulaAsa = pw * aht / (agents - a);
        double formulaSl = 1 - pw * Math.exp(-(agents - a) * 20 / aht);
        // the numbers are the formula's
        assertThat(pw).isCloseTo(pWait, within(0.0015));
        assertThat(formulaAsa).isCloseTo(asa, within(0.06));
        assertThat(formulaSl).isCloseTo(sl, within(0.0015));

        RoutingSimulator.Result r = new RoutingSimulator(
                new RoutingSimulator.Params(agents, 360, 180, 20, 400, 20260105L + agents, 0)).run();

        assertThat(r.offered()).isGreaterThan(140_000);
        assertThat(r.serviceLevel()).isCloseTo(sl, within(0.02));
        assertThat(r.probWait()).isCloseTo(pWait, within(0.02));
        assertThat(r.asaSeconds()).isCloseTo(asa, within(asa * 0.10));
        assertThat(r.occupancy()).isCloseTo(a / agents, within(0.01));
        assertThat(r.engineServiceLevel()).isCloseTo(r.serviceLevel(), within(0.002));
        assertThat(r.abandonRate()).isZero();
    }

    @org.junit.jupiter.api.Test
    void callerPatienceProducesAbandonsAndTheSameSeedGivesTheSameRun() {
        RoutingSimulator.Params p = new RoutingSimulator.Params(20, 360, 180, 20, 20, 7, 60);
        RoutingSimulator.Result first = new RoutingSimulator(p).run();
        RoutingSimulator.Result second = new RoutingSimulator(p).run();
        assertThat(first).isEqualTo(second);
        assertThat(first.abandonRate()).isBetween(0.01, 0.5);
        assertThat(first.answered() + first.abandoned()).isLessThanOrEqualTo(first.offered());
    }
}

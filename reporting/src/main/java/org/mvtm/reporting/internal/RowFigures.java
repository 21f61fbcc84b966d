package org.mvtm.reporting.internal;

import java.time.Instant;
import org.mvtm.reporting.api.IntervalRow;

/** Turns the summed columns of a row into the figures managers read (ratios and averages). */
final class RowFigures {
    private RowFigures() {}

    /** {@code sums} indexed by {@link Measure#ordinal()}; {@code time} is {staffed ms, handling ms} or null. */
    static IntervalRow row(Instant start, String key, long[] sums, long[] time) {
        long answered = sums[Measure.ANSWERED.ordinal()];
        long abandoned = sums[Measure.ABANDONED.ordinal()];
        long handled = sums[Measure.HANDLED.ordinal()];
        long talk = sums[Measure.TALK_MS.ordinal()];
        long hold = sums[Measure.HOLD_MS.ordinal()];
        long wrap = sums[Measure.WRAP_MS.ordinal()];
        Double occupancy = time == null || time[0] == 0 ? null : (double) time[1] / time[0];
        return new IntervalRow(
                start,
                key,
                sums[Measure.OFFERED.ordinal()],
                answered,
                sums[Measure.ANSWERED_WITHIN_SLA.ordinal()],
                ratio(sums[Measure.ANSWERED_WITHIN_SLA.ordinal()], answered + abandoned),
                seconds(sums[Measure.ANSWER_WAIT_MS.ordinal()], answered),
                abandoned,
                seconds(sums[Measure.ABANDON_WAIT_MS.ordinal()], abandoned),
                handled,
                seconds(talk + hold + wrap, handled),
                seconds(talk, handled),
                seconds(hold, handled),
                seconds(wrap, handled),
                occupancy,
                sums[Measure.TRANSFERS.ordinal()],
                sums[Measure.CALLBACKS.ordinal()]);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double seconds(long ms, long count) {
        return count == 0 ? null : ms / 1000.0 / count;
    }
}

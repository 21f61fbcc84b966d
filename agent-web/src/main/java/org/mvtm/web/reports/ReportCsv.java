package org.mvtm.web.reports;

import java.util.List;
import org.mvtm.reporting.api.IntervalRow;

/** The rows of a report as CSV (RFC 4180, comma, CRLF), the same figures as the JSON; an empty cell is "no value". */
final class ReportCsv {
    static final String HEADER = "start,key,offered,answered,answered_within_sla,service_level,asa_seconds,abandoned,"
            + "average_abandon_seconds,handled,aht_seconds,talk_seconds,hold_seconds,wrap_seconds,occupancy,transfers,callbacks";

    private ReportCsv() {
    }

    static String of(List<IntervalRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (IntervalRow r : rows) {
            out.append(r.start()).append(',').append(cell(r.key())).append(',').append(r.offered()).append(',')
                    .append(r.answered()).append(',').append(r.answeredWithinSla()).append(',')
                    .append(number(r.serviceLevel())).append(',').append(number(r.asaSeconds())).append(',')
                    .append(r.abandoned()).append(',').append(number(r.averageAbandonSeconds())).append(',')
                    .append(r.handled()).append(',').append(number(r.ahtSeconds())).append(',')
                    .append(number(r.talkSeconds())).append(',').append(number(r.holdSeconds())).append(',')
                    .append(number(r.wrapSeconds())).append(',').append(number(r.occupancy())).append(',')
                    .append(r.transfers()).append(',').append(r.callbacks()).append("\r\n");
        }
        return out.toString();
    }

    private static String number(Double d) {
        return d == null ? "" : Double.toString(d);
    }

    /** Quotes a cell that holds a comma, quote or line break, and defuses a leading formula character. */
    private static String cell(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.matches(".*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}

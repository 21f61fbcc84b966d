package org.mvtm.reporting.internal;

/** The summed columns of {@code contact_interval}. */
enum Measure {
    OFFERED("offered"),
    ANSWERED("answered"),
    ANSWERED_WITHIN_SLA("answered_within_sla"),
    ANSWER_WAIT_MS("answer_wait_ms"),
    ABANDONED("abandoned"),
    ABANDON_WAIT_MS("abandon_wait_ms"),
    HANDLED("handled"),
    TALK_MS("talk_ms"),
    HOLD_MS("hold_ms"),
    WRAP_MS("wrap_ms"),
    TRANSFERS("transfers"),
    CALLBACKS("callbacks");

    final String column;

    Measure(String column) {
        this.column = column;
    }
}

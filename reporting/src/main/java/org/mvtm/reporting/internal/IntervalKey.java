package org.mvtm.reporting.internal;

/** One row of {@code contact_interval}: interval start (epoch ms), queue, channel, region, advisor ('' for none). */
record IntervalKey(long start, String queue, String channel, String region, String advisor) {
    IntervalKey withAdvisor(String id) {
        return new IntervalKey(start, queue, channel, region, id == null ? "" : id);
    }
}

package org.mvtm.reporting.api;

/**
 * Interval reporting: records the node's contact events into 15-minute interval records in the database (off the
 * publisher's thread, one event at a time, in the order published) and reads them back.
 */
public interface ReportingService extends IntervalReports, AutoCloseable {
    /** Returns once every event published before the call is in the store. */
    void flush();

    @Override
    void close();
}

package org.mvtm.reporting.api;

/** What the rows of a report are per: each queue, each channel (voice, video, chat) or each advisor. */
public enum ReportDimension {
    QUEUE,
    CHANNEL,
    ADVISOR
}

package org.mvtm.recording.api;

/** What was attempted. */
public enum AuditAction {
    SEARCH, DESCRIBE, TIMELINE, LEGS, REPLAY, VERIFY, EXPORT, READ_AUDIT, LEGAL_HOLD, RELEASE_HOLD,
    /** one officer asks for a recording to be deleted (first pair of eyes) */
    DELETE_REQUEST,
    /** a pending deletion request was withdrawn */
    DELETE_WITHDRAW,
    /** a second officer approved a deletion request: the data key was destroyed */
    DELETE,
    RETENTION_DELETE,
    /** a retention rule for a queue or region was set or removed */
    RETENTION_RULE,
    REWRAP, RECOVERED,
    /** the recording of a call was paused while card details were given (PCI DSS), or resumed */
    PCI_PAUSE, PCI_RESUME,
    /** a supervisor started, changed (listen, whisper, barge-in) or stopped monitoring a live call or chat */
    MONITOR,
    /** something was attached to a recording after it was sealed (the advisor's wrap-up code and notes) */
    ANNOTATE
}

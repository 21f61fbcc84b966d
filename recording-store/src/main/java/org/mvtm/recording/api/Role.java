package org.mvtm.recording.api;

/** Roles relevant to recordings. Only COMPLIANCE reads recordings; ADMIN deletes and reads the audit log. */
public enum Role { COMPLIANCE, ADMIN, SUPERVISOR, ADVISOR }

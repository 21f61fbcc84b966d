package org.mvtm.recording.api;

/**
 * Roles relevant to recordings. Only COMPLIANCE reads recordings and places legal holds; COMPLIANCE or ADMIN request
 * and (a second person) approve deletions, set retention rules and read the audit log of their regions.
 */
public enum Role { COMPLIANCE, ADMIN, SUPERVISOR, ADVISOR }

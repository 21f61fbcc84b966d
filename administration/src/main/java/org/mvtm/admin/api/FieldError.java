package org.mvtm.admin.api;

/** One rejected field of a change: {@code field} is the JSON path of the input, e.g. {@code skills[1].skill}. */
public record FieldError(String field, String message) {}

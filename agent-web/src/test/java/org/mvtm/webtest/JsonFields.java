package org.mvtm.webtest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a test needs from a JSON text the server sent, without a parser: the first string field of a name. */
public final class JsonFields {
    private JsonFields() {
    }

    /** The value of the first {@code "name":"value"} in {@code json}; fails the test naming the field when none. */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }
}

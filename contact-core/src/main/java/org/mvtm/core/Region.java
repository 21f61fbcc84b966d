package org.mvtm.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** A regulatory region such as HK, SZ or MO; users are scoped to the regions they are granted. */
public record Region(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,8}");

    public static final Region HK = new Region("HK");
    public static final Region SZ = new Region("SZ");
    public static final Region MO = new Region("MO");

    public Region {
        if (code == null || !CODE.matcher(code.toUpperCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException(
                    "region must be 2 to 8 letters (e.g. HK, SZ, MO) but was '" + code + "'");
        }
        code = code.toUpperCase(Locale.ROOT);
    }

    public static Region of(String code) {
        return new Region(code);
    }

    @Override
    public String toString() {
        return code;
    }
}

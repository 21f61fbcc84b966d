package org.mvtm.core;

import java.util.regex.Pattern;

/**
 * A named skill with a level from 1 (basic) to 10 (expert). Names are lower case dotted words:
 * {@code lang.en}, {@code lang.zh}, {@code lang.yue}, {@code product.cards}, {@code product.wealth} ...
 */
public record Skill(String name, int level) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 10;

    public Skill {
        checkName(name);
        checkLevel(name, level);
    }

    public static Skill of(String name, int level) {
        return new Skill(name, level);
    }

    static void checkName(String name) {
        if (name == null || name.length() > 64 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "skill name must be lower-case dotted words such as 'product.cards' but was '" + name + "'");
        }
    }

    static void checkLevel(String name, int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("skill '" + name + "' level must be between 1 and 10 but was " + level);
        }
    }
}

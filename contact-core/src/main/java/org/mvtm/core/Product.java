package org.mvtm.core;

import java.util.Locale;

/** Banking products advisors are skilled in; each maps to the routing skill {@code product.<name>}. */
public enum Product {
    ACCOUNTS,
    CARDS,
    LOANS,
    WEALTH,
    CROSS_BORDER,
    REMITTANCE,
    FX,
    GENERAL;

    public String skillName() {
        return "product." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Product fromName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "product must be one of accounts, cards, loans, wealth, cross-border, remittance, fx, general but was '"
                            + name + "'");
        }
    }
}

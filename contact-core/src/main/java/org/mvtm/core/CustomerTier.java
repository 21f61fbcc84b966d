package org.mvtm.core;

/** Customer segment; higher tiers start with more routing priority. */
public enum CustomerTier {
    STANDARD(0),
    PREMIER(1),
    VIP(2);

    private final int rank;

    CustomerTier(int rank) {
        this.rank = rank;
    }

    /** 0 for standard, growing with the tier. */
    public int rank() {
        return rank;
    }
}

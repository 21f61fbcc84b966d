package org.mvtm.core.id;

/** Identifier of a agent: non-blank, at most 128 characters of letters, digits and {@code . _ - @ :}. */
public record AgentId(String value) {
    public AgentId {
        value = Ids.check("AgentId", value);
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.mvtm.admin.internal;

import java.util.List;
import java.util.Optional;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.VipTier;

/** Checks a skill or VIP tier an administrator defines; every bad field is named ({@link Errors}). */
final class CatalogRules {
    private CatalogRules() {}

    /** The skill as it will be stored, given the one of that name already defined ({@code before}). */
    static Skill skill(Skill s, Optional<Skill> before) {
        Errors e = new Errors();
        String name = s.name() == null ? "" : s.name().strip();
        Skill.Kind kind = s.kind() == null ? Skill.Kind.CUSTOM : s.kind();
        if (!name.matches("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*") || name.length() > 64) {
            e.add(
                    "name",
                    "must be lower-case dotted words such as 'product.insurance' or 'securities-licence' but was '"
                            + s.name() + "'");
        } else if (before.isPresent() && before.get().kind() != kind) {
            e.add("kind", "'" + name + "' is a " + before.get().kind() + " skill already");
        } else if (before.isEmpty() && kind == Skill.Kind.LANGUAGE) {
            e.add("kind", "the languages are fixed (lang.en, lang.zh, lang.yue); define a CUSTOM or PRODUCT skill");
        } else if (before.isEmpty() && kind == Skill.Kind.PRODUCT && !name.startsWith("product.")) {
            e.add("name", "a product skill starts with 'product.'");
        } else if (before.isEmpty()
                && kind == Skill.Kind.CUSTOM
                && (name.startsWith("product.") || name.startsWith("lang."))) {
            e.add("name", "'lang.' and 'product.' are kept for languages and products");
        }
        String label =
                s.label() == null || s.label().isBlank() ? name : s.label().strip();
        if (label.length() > 200) {
            e.add("label", "must have at most 200 characters");
        }
        e.throwIfAny();
        return new Skill(name, kind, label);
    }

    /** The tier as it will be stored, given the one of that code ({@code before}) and all tiers defined. */
    static VipTier tier(VipTier t, Optional<VipTier> before, List<VipTier> all) {
        Errors e = new Errors();
        if (t.code() == null || !t.code().matches("[A-Z][A-Z0-9_]{1,31}")) {
            e.add("code", "must be 2 to 32 of A-Z 0-9 _ starting with a letter but was '" + t.code() + "'");
        }
        String label =
                t.label() == null || t.label().isBlank() ? t.code() : t.label().strip();
        int rank = t.rank() == null ? before.map(VipTier::rank).orElse(-1) : t.rank();
        if (rank < 0) {
            e.add("rank", "must be 0 or more (0 = standard customers)");
        } else if (all.stream().anyMatch(o -> o.rank() == rank && !o.code().equals(t.code()))) {
            e.add("rank", "another tier has rank " + rank);
        }
        double weight =
                t.routingWeight() == null ? before.map(VipTier::routingWeight).orElse(0.0) : t.routingWeight();
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            e.add("routingWeight", "must be 0 or more but was " + weight);
        }
        e.throwIfAny();
        return new VipTier(t.code(), label, rank, weight);
    }
}

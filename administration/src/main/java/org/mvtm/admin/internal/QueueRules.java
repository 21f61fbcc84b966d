package org.mvtm.admin.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mvtm.admin.api.Queue;
import org.mvtm.admin.api.Skill;
import org.mvtm.admin.api.SkillLevel;

/** Checks a queue field by field and fills in the defaults (80% in 20 s, aging 1/1, always open, message outside hours). */
final class QueueRules {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final List<String> UI_LANGUAGES = List.of("en", "zh-Hans", "zh-Hant");

    private QueueRules() {}

    /**
     * Queue {@code q} under {@code id} (its own id when created, the stored one when changed) with defaults filled
     * in, or {@link org.mvtm.admin.api.InvalidChange} naming every bad field.
     */
    static Queue check(String id, Queue q, Map<String, Skill> catalogue) {
        Errors e = new Errors();
        if (id == null || !ID.matcher(id).matches()) {
            e.add("id", "must be 1 to 64 of a-z 0-9 _ - starting with a letter or digit but was '" + id + "'");
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> given = q.names() == null ? Map.of() : q.names();
        given.keySet().stream()
                .filter(k -> !UI_LANGUAGES.contains(k))
                .forEach(k -> e.add("names." + k, "unknown UI language; use en, zh-Hans or zh-Hant"));
        String en = given.get("en");
        if (en == null || en.isBlank()) {
            e.add("names.en", "the English name is required");
        } else if (en.strip().length() > 200) {
            e.add("names.en", "must have at most 200 characters");
        }
        for (String lang : UI_LANGUAGES) {
            String n = given.get(lang);
            names.put(lang, n == null || n.isBlank() ? (en == null ? "" : en.strip()) : n.strip());
            if (n != null && n.strip().length() > 200) {
                e.add("names." + lang, "must have at most 200 characters");
            }
        }
        Skill product = q.product() == null ? null : catalogue.get(q.product());
        if (q.product() == null) {
            e.add("product", "is required, e.g. product.cards");
        } else if (product == null) {
            e.add("product", "unknown skill '" + q.product() + "'; define it first");
        } else if (product.kind() != Skill.Kind.PRODUCT) {
            e.add(
                    "product",
                    "'" + q.product() + "' is a " + product.kind().name().toLowerCase() + " skill, not a product");
        }
        int productLevel = level(e, "productMinLevel", q.productMinLevel(), 1);
        List<SkillLevel> skills = q.skills() == null ? List.of() : q.skills();
        SkillChecks.levels(e, "skills", skills, catalogue);
        for (int i = 0; i < skills.size(); i++) {
            if (skills.get(i) != null
                    && q.product() != null
                    && q.product().equals(skills.get(i).skill())) {
                e.add("skills[" + i + "].skill", "the product is asked for by productMinLevel already");
            }
        }
        int languageLevel = level(e, "languageMinLevel", q.languageMinLevel(), 1);
        double fraction = q.slaFraction() == null ? 0.8 : q.slaFraction();
        if (!(fraction > 0 && fraction <= 1)) {
            e.add("slaFraction", "must be above 0 and at most 1 (0.8 = 80%) but was " + fraction);
        }
        int seconds = q.slaSeconds() == null ? 20 : q.slaSeconds();
        if (seconds <= 0 || seconds > 86_400) {
            e.add("slaSeconds", "must be a positive number of seconds up to 86400 but was " + seconds);
        }
        double tierWeight = q.agingTierWeight() == null ? 1.0 : q.agingTierWeight();
        if (!(tierWeight >= 0) || Double.isInfinite(tierWeight)) {
            e.add("agingTierWeight", "must be 0 or more but was " + tierWeight);
        }
        double agingWeight = q.agingWeight() == null ? 1.0 : q.agingWeight();
        if (!(agingWeight > 0) || Double.isInfinite(agingWeight)) {
            e.add("agingWeight", "must be above 0 (otherwise waiting customers can starve) but was " + agingWeight);
        }
        List<Queue.Relaxation> relaxation = q.relaxation() == null ? List.of() : q.relaxation();
        Set<Integer> stepTimes = new HashSet<>();
        for (int i = 0; i < relaxation.size(); i++) {
            Queue.Relaxation r = relaxation.get(i);
            String f = "relaxation[" + i + "]";
            if (r == null) {
                e.add(f, "is empty");
                continue;
            }
            if (r.afterSeconds() < 0) {
                e.add(f + ".afterSeconds", "must be 0 or more but was " + r.afterSeconds());
            } else if (!stepTimes.add(r.afterSeconds())) {
                e.add(f + ".afterSeconds", "another step starts after " + r.afterSeconds() + " s already");
            }
            if (r.levelDrop() < 0 || r.levelDrop() > 9) {
                e.add(f + ".levelDrop", "must be 0 to 9 but was " + r.levelDrop());
            }
        }
        relaxation = relaxation.stream()
                .filter(r -> r != null)
                .sorted(Comparator.comparingInt(Queue.Relaxation::afterSeconds))
                .toList();
        String zone = q.timeZone() == null || q.timeZone().isBlank()
                ? "Asia/Hong_Kong"
                : q.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException ex) {
            e.add("timeZone", "unknown time zone '" + zone + "'; use an IANA name such as Asia/Hong_Kong");
        }
        List<Queue.OpeningHours> hours = q.openingHours() == null ? List.of() : q.openingHours();
        for (int i = 0; i < hours.size(); i++) {
            Queue.OpeningHours h = hours.get(i);
            String f = "openingHours[" + i + "]";
            if (h == null || h.opens() == null || h.closes() == null) {
                e.add(f, "needs dayOfWeek, opens and closes (HH:mm)");
                continue;
            }
            if (h.dayOfWeek() < 1 || h.dayOfWeek() > 7) {
                e.add(f + ".dayOfWeek", "must be 1 (Monday) to 7 (Sunday) but was " + h.dayOfWeek());
            }
            if (!h.opens().isBefore(h.closes())) {
                e.add(f + ".closes", "must be after opens (" + h.opens() + ")");
            }
            for (int j = 0; j < i; j++) {
                Queue.OpeningHours o = hours.get(j);
                if (o != null
                        && o.opens() != null
                        && o.closes() != null
                        && o.dayOfWeek() == h.dayOfWeek()
                        && h.opens().isBefore(o.closes())
                        && o.opens().isBefore(h.closes())) {
                    e.add(f, "overlaps openingHours[" + j + "]");
                }
            }
        }
        List<Queue.Holiday> holidays = q.holidays() == null ? List.of() : q.holidays();
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            Queue.Holiday h = holidays.get(i);
            if (h == null || h.date() == null) {
                e.add("holidays[" + i + "].date", "is required (YYYY-MM-DD)");
            } else if (!days.add(h.date())) {
                e.add("holidays[" + i + "].date", h.date() + " is listed twice");
            }
            if (h != null && (h.name() == null || h.name().isBlank() || h.name().length() > 200)) {
                e.add("holidays[" + i + "].name", "is required (at most 200 characters)");
            }
        }
        Queue.OutsideHours outside = q.outsideHours() == null ? Queue.OutsideHours.MESSAGE : q.outsideHours();
        List<Queue.Code> wrapUp = codes(e, "wrapUpCodes", q.wrapUpCodes());
        List<Queue.Code> breaks = codes(e, "breakCodes", q.breakCodes());
        e.throwIfAny();
        return new Queue(
                id,
                names,
                q.product(),
                productLevel,
                List.copyOf(skills),
                languageLevel,
                fraction,
                seconds,
                tierWeight,
                agingWeight,
                relaxation,
                zone,
                List.copyOf(hours),
                List.copyOf(holidays),
                outside,
                wrapUp,
                breaks,
                Boolean.TRUE.equals(q.wrapUpRequired()));
    }

    private static int level(Errors e, String field, Integer value, int dflt) {
        int v = value == null ? dflt : value;
        if (v < 1 || v > 10) {
            e.add(field, "must be 1 to 10 but was " + v);
        }
        return v;
    }

    private static List<Queue.Code> codes(Errors e, String field, List<Queue.Code> codes) {
        List<Queue.Code> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Queue.Code> given = codes == null ? List.of() : codes;
        for (int i = 0; i < given.size(); i++) {
            Queue.Code c = given.get(i);
            String f = field + "[" + i + "]";
            if (c == null || c.code() == null || !CODE.matcher(c.code()).matches()) {
                e.add(
                        f + ".code",
                        "must be 1 to 64 of letters, digits, _ . - but was '" + (c == null ? null : c.code()) + "'");
                continue;
            }
            if (!seen.add(c.code())) {
                e.add(f + ".code", "'" + c.code() + "' is listed twice");
            }
            if (c.label() == null || c.label().isBlank() || c.label().length() > 200) {
                e.add(f + ".label", "is required (at most 200 characters)");
            }
            out.add(new Queue.Code(c.code(), c.label() == null ? "" : c.label().strip()));
        }
        return out;
    }
}

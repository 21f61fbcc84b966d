package org.mvtm.admin.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A queue as an administrator defines it (the same record is read and written).
 *
 * @param names            the queue's name per UI language: keys {@code en}, {@code zh-Hans}, {@code zh-Hant}
 * @param product          the product skill the queue serves ({@code product.cards}), asked at {@code productMinLevel}
 * @param skills           further skills asked for
 * @param languageMinLevel the level needed in the customer's language before relaxation
 * @param slaFraction      share of customers to answer within {@code slaSeconds} (0 &lt; f &lt;= 1)
 * @param agingTierWeight  priority per VIP-tier rank; {@code agingWeight} priority per SLA threshold waited
 * @param relaxation       steps that widen the advisors who may answer as the customer waits
 * @param timeZone         IANA zone of the opening hours, e.g. Asia/Hong_Kong
 * @param openingHours     when advisors answer; empty = always open
 * @param holidays         closed all day on these dates
 * @param outsideHours     what customers get when the queue is closed
 * @param wrapUpCodes      the codes an advisor chooses from at wrap-up (the console's default list when empty)
 * @param wrapUpRequired   the advisor may not be Ready again before every interaction of this queue has a wrap-up
 *                         code and notes (null = false)
 */
public record Queue(
        String id,
        Map<String, String> names,
        String product,
        Integer productMinLevel,
        List<SkillLevel> skills,
        Integer languageMinLevel,
        Double slaFraction,
        Integer slaSeconds,
        Double agingTierWeight,
        Double agingWeight,
        List<Relaxation> relaxation,
        String timeZone,
        List<OpeningHours> openingHours,
        List<Holiday> holidays,
        OutsideHours outsideHours,
        List<Code> wrapUpCodes,
        List<Code> breakCodes,
        Boolean wrapUpRequired) {

    /** What happens to a customer who arrives while the queue is closed. */
    public enum OutsideHours {
        BOT_ONLY,
        CALLBACK,
        MESSAGE
    }

    /**
     * After {@code afterSeconds} of waiting lower every level by {@code levelDrop} (default 0), or ask only for the
     * language ({@code languageOnly}, default false).
     */
    public record Relaxation(int afterSeconds, Integer levelDrop, Boolean languageOnly) {
        public Relaxation {
            levelDrop = levelDrop == null ? 0 : levelDrop;
            languageOnly = languageOnly != null && languageOnly;
        }
    }

    /** Open on ISO {@code dayOfWeek} (1 = Monday .. 7 = Sunday) from {@code opens} to {@code closes}. */
    public record OpeningHours(int dayOfWeek, LocalTime opens, LocalTime closes) {}

    public record Holiday(LocalDate date, String name) {}

    /** A wrap-up (disposition) or break code and its label. */
    public record Code(String code, String label) {}
}

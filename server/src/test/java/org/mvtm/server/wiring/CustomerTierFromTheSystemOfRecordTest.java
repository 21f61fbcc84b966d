package org.mvtm.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.User;
import org.mvtm.admin.api.VipTier;
import org.mvtm.core.CustomerTier;

/** A customer's routing tier, as the web sign-in and the SIP caller lookup both take it from the system of record. */
class CustomerTierFromTheSystemOfRecordTest {
    private static final List<VipTier> TIERS = List.of(
            new VipTier("STANDARD", "Standard", 0, 1.0),
            new VipTier("GOLD", "Gold", 1, 5.0),
            new VipTier("PRIVATE", "Private banking", 3, 20.0));
    private static final Function<User, CustomerTier> TIER_OF = SystemOfRecord.customerTiers(TIERS);

    @Test
    void aCustomerGetsTheRoutingTierOfTheRankOfTheirVipTier() {
        assertThat(TIER_OF.apply(customer("GOLD"))).isEqualTo(CustomerTier.PREMIER);
        assertThat(TIER_OF.apply(customer("PRIVATE"))).isEqualTo(CustomerTier.VIP);
        assertThat(TIER_OF.apply(customer("STANDARD"))).isEqualTo(CustomerTier.STANDARD);
    }

    @Test
    void aCustomerWithNoTierOrATierSinceDeletedIsStandard() {
        assertThat(TIER_OF.apply(customer(null))).isEqualTo(CustomerTier.STANDARD);
        assertThat(TIER_OF.apply(customer("PLATINUM"))).isEqualTo(CustomerTier.STANDARD);
    }

    private static User customer(String tier) {
        Instant at = Instant.parse("2026-01-05T09:00:00Z");
        return new User("chan.taiman", "陳大文", Set.of(Role.CUSTOMER), Set.of("HK"), "zh-Hant", true, true, tier, at, at,
                false);
    }
}

package org.mvtm.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.Administrations;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.admin.api.Role;
import org.mvtm.admin.api.UserChange;
import org.mvtm.admin.api.VipTier;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.CustomerId;
import org.mvtm.sip.api.CustomerDirectory;

/**
 * Who a SIP caller is, as the system of record knows them: an enabled customer there is routed with the tier of their
 * VIP tier, their language (or the one their phone asked for) and their region; anyone else is a standard customer
 * of the node's fallback region.
 */
class SipCallerIdentityTest {
    private static final Region FALLBACK = Region.SZ;

    @TempDir
    static Path dir;

    private static AdministrationService admin;
    private static CustomerDirectory callers;

    @BeforeAll
    static void systemOfRecord() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);
        admin = Administrations.open(
                new AdministrationSettings(DatabaseSettings.embedded(dir.resolve("db")), "mvtm.local"),
                clock,
                new InProcessEventBus());
        admin.saveVipTier("root", new VipTier("PRIVATE", "Private banking", 3, 20.0));
        admin.createUser("root", new UserChange("chan.taiman", "陳大文", Set.of(Role.CUSTOMER), Set.of("MO"),
                "zh-Hant", true, null, "PRIVATE"));
        admin.createUser("root", new UserChange("ho.closed", "何小姐", Set.of(Role.CUSTOMER), Set.of("MO"),
                "zh-Hant", false, null, "PRIVATE"));
        admin.createUser("root", new UserChange("wong.advisor", "Wong", Set.of(Role.ADVISOR), Set.of("HK"),
                "zh-Hans", true, null, null));
        callers = new AdministeredCustomers(admin, FALLBACK);
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void aKnownCustomerGetsTheTierOfTheirVipTierTheirLanguageAndTheirRegion() {
        Customer caller = callers.identify("chan.taiman", "From display", Optional.empty());

        assertThat(caller).isEqualTo(
                new Customer(CustomerId.of("chan.taiman"), "陳大文", CustomerTier.VIP, Language.YUE, Region.MO));
    }

    @Test
    void theLanguageTheCustomersPhoneAskedForWinsOverTheirProfile() {
        Customer caller = callers.identify("chan.taiman", "From display", Optional.of(Language.EN));

        assertThat(caller).isEqualTo(
                new Customer(CustomerId.of("chan.taiman"), "陳大文", CustomerTier.VIP, Language.EN, Region.MO));
    }

    @ParameterizedTest(name = "SIP user {0}")
    @NullSource
    @ValueSource(strings = {"ho.closed", "wong.advisor", "trunk-85291234567"})
    void aDisabledUserAStaffMemberAnUnknownOrAnAnonymousCallerIsAStandardCustomerOfTheFallbackRegion(String sipUser) {
        Customer caller = callers.identify(sipUser, "From display", Optional.of(Language.ZH));

        assertThat(caller).isEqualTo(new Customer(CustomerId.of(sipUser == null ? "anonymous" : sipUser),
                "From display", CustomerTier.STANDARD, Language.ZH, FALLBACK));
    }

    @Test
    void aCallerWhoIsNoCustomerThereAndWhosePhoneAskedForNoLanguageSpeaksEnglish() {
        Customer caller = callers.identify("wong.advisor", null, Optional.empty());

        assertThat(caller).isEqualTo(
                new Customer(CustomerId.of("wong.advisor"), null, CustomerTier.STANDARD, Language.EN, FALLBACK));
    }
}

package org.mvtm.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.Administrations;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.admin.api.PasswordPolicy;
import org.mvtm.core.event.InProcessEventBus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The demo is data: the seed file goes through the administration service into an empty database, once. */
class DemoSeedTest {
    private static final PasswordPolicy DEMO_PASSWORDS = PasswordPolicy.standard().allowing(Set.of(DemoSeed.PUBLISHED_PASSWORD));
    private static final Pattern CHINESE_NAME = Pattern.compile("\\p{IsHan}{2,}");

    @Test
    void theSeedGivesTheReadmeLoginsWithPhonePasswordsApartFromWebPasswordsAndIsAppliedOnlyOnce(@TempDir Path dir) throws Exception {
        try (var admin = Administrations.open(new AdministrationSettings(DatabaseSettings.embedded(dir), "mvtm.local", DEMO_PASSWORDS),
                Clock.systemUTC(), new InProcessEventBus())) {
            assertThat(DemoSeed.applyIfEmpty(admin)).isTrue();
            assertThat(DemoSeed.applyIfEmpty(admin)).as("a second start keeps what is there").isFalse();

            var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            for (String login : new String[] {"alice", "bob", "carol", "david", "erin", "frank", "sam", "connie", "shen",
                    "admin", "chan", "li", "smith"}) {
                assertThat(encoder.matches("demo1234", admin.passwordHash(login).orElseThrow())).as(login).isTrue();
            }
            assertThat(admin.sipHa1("alice", "mvtm.local")).contains(md5("alice:mvtm.local:phone-alice-1234"));
            assertThat(admin.sipHa1("smith", "mvtm.local")).contains(md5("smith:mvtm.local:phone-smith-1234"));
            // the supervisor sam listens from a desk phone by feature code (*44<advisor>)
            assertThat(admin.sipHa1("sam", "mvtm.local")).contains(md5("sam:mvtm.local:phone-sam-1234"));
            for (String staff : new String[] {"connie", "shen", "admin"}) {
                assertThat(admin.sipHa1(staff, "mvtm.local")).as(staff + " has no SIP phone").isEmpty();
            }
            assertThat(admin.queues()).extracting(q -> q.id()).containsExactlyInAnyOrder("general", "cards", "wealth", "cross-border");
            assertThat(admin.advisor("carol").orElseThrow().region()).isEqualTo("SZ");
            assertThat(admin.user("chan").orElseThrow().customerTier()).isEqualTo("VIP");
            assertThat(admin.audit(Optional.empty(), 1000)).allMatch(e -> e.actor().equals(DemoSeed.ACTOR));
        }
    }

    @Test
    void noTwoDemoPeopleShareAChineseName(@TempDir Path dir) {
        try (var admin = Administrations.open(new AdministrationSettings(DatabaseSettings.embedded(dir), "mvtm.local", DEMO_PASSWORDS),
                Clock.systemUTC(), new InProcessEventBus())) {
            DemoSeed.applyIfEmpty(admin);
            List<String> chineseNames = admin.users().stream().map(u -> u.displayName())
                    .map(CHINESE_NAME::matcher).filter(Matcher::find).map(Matcher::group).toList();
            assertThat(chineseNames).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

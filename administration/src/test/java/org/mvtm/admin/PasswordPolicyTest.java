package org.mvtm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.PasswordPolicy;

/** The product's one password policy, as local account creation, reset and the web tier apply it. */
class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void longPasswordsAndPassphrasesAreAccepted() {
        assertThat(policy.violations("ada", "Tram-Peak-Lantau-9")).isEmpty();
        assertThat(policy.violations("ada", "dim sum on sunday"))
                .as("a passphrase with spaces")
                .isEmpty();
        assertThat(policy.violations("ada", "九龍灣的海風很大很舒服呀"))
                .as("12 Chinese characters")
                .isEmpty();
    }

    @Test
    void shortPasswordIsRefusedSayingHowLongItMustBe() {
        assertThat(policy.violations("ada", "Tr4m-Peak"))
                .singleElement()
                .asString()
                .contains("at least 12 characters")
                .contains("has 9");
    }

    @Test
    void passwordContainingTheUsernameIsRefused() {
        assertThat(policy.violations("hkcomp", "HKCOMP-the-officer"))
                .containsExactly("password must not contain the username");
    }

    @Test
    void commonPasswordsAreRefusedEvenWithDigitsOrCapitalsAdded() {
        assertThat(policy.violations("ada", "Password2024!"))
                .contains("password is on the list of commonly used passwords");
        assertThat(policy.violations("ada", "qwertyuiop12"))
                .contains("password is on the list of commonly used passwords");
        assertThat(policy.violations("ada", "aaaaaaaaaaaaaa")).contains("password must not be one character repeated");
    }

    @Test
    void onlyAPublishedPasswordTheDemoAllowsIsExempt() {
        assertThatThrownBy(() -> policy.check("ada", "demo1234"))
                .isInstanceOf(PasswordPolicy.WeakPasswordException.class)
                .hasMessageContaining("at least 12");
        assertThat(policy.allowing(Set.of("demo1234")).violations("ada", "demo1234"))
                .isEmpty();
        assertThat(policy.allowing(Set.of("demo1234")).violations("ada", "demo12345"))
                .isNotEmpty();
    }
}

package org.mvtm.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {
    @Test
    void aLoginIsTheSameUserWhateverItsCaseAndSurroundingSpaces() {
        assertThat(Usernames.normalized("  Alice.Wong ")).isEqualTo("alice.wong");
        assertThat(Usernames.normalized("ALICE")).isEqualTo(Usernames.normalized("alice"));
    }

    @Test
    void aUsernameIsTwoToSixtyFourOfLowerCaseLettersDigitsDotsUnderscoresAndHyphens() {
        assertThat(Usernames.valid("al")).isTrue();
        assertThat(Usernames.valid("a".repeat(64))).isTrue();
        assertThat(Usernames.valid("a")).isFalse();
        assertThat(Usernames.valid("a".repeat(65))).isFalse();
        assertThat(Usernames.valid("alice wong")).isFalse();
        assertThat(Usernames.valid("Alice")).as("valid takes a normalized name").isFalse();
        assertThat(Usernames.valid("陳大文")).isFalse();
        assertThat(Usernames.valid(null)).isFalse();
    }
}

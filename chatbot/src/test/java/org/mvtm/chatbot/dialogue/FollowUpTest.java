package org.mvtm.chatbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which customer lines are follow-ups of the previous question, and what they add to it. */
class FollowUpTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            and for credit cards?       | credit cards
            What about a mortgage       | a mortgage
            same for my savings account | my savings account
            咁信用卡呢？                 | 信用卡
            那按揭呢                     | 按揭
            """)
    void continuationsInEnglishCantoneseAndMandarinKeepTheAddedWords(String line, String added) {
        assertThat(FollowUp.of(line)).contains(new FollowUp(FollowUp.Kind.CONTINUATION, added));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no, I mean the fee                       | the fee
            Not that one. I was asking about the fee | the fee
            唔係，我係問年費                          | 年費
            不是，我是说手续费                        | 手续费
            """)
    void correctionsKeepWhatTheCustomerMeant(String line, String meant) {
        assertThat(FollowUp.of(line)).contains(new FollowUp(FollowUp.Kind.CORRECTION, meant));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "And what documents do I need to open a joint account with my wife?",
            "How do I apply for a mortgage?",
            "我想問點樣申請按揭同埋要咩文件先可以批到呢",
            "",
            "nothing"
    })
    void aQuestionOfItsOwnIsNotAFollowUp(String line) {
        assertThat(FollowUp.of(line)).isEmpty();
    }
}

package org.mvtm.chatbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which customer lines are follow-ups of the previous question, and what they add to it. */
class FollowUpTest {
    @Test
    void continuationsInEnglishCantoneseAndMandarinKeepTheAddedWords() {
        assertThat(FollowUp.of("and for credit cards?")).contains(
                new FollowUp(FollowUp.Kind.CONTINUATION, "credit cards"));
        assertThat(FollowUp.of("What about a mortgage")).contains(
                new FollowUp(FollowUp.Kind.CONTINUATION, "a mortgage"));
        assertThat(FollowUp.of("same for my savings account")).contains(
                new FollowUp(FollowUp.Kind.CONTINUATION, "my savings account"));
        assertThat(FollowUp.of("咁信用卡呢？")).contains(new FollowUp(FollowUp.Kind.CONTINUATION, "信用卡"));
        assertThat(FollowUp.of("那按揭呢")).contains(new FollowUp(FollowUp.Kind.CONTINUATION, "按揭"));
    }

    @Test
    void correctionsKeepWhatTheCustomerMeant() {
        assertThat(FollowUp.of("no, I mean the fee")).contains(new FollowUp(FollowUp.Kind.CORRECTION, "the fee"));
        assertThat(FollowUp.of("Not that one. I was asking about the fee")).contains(
                new FollowUp(FollowUp.Kind.CORRECTION, "the fee"));
        assertThat(FollowUp.of("唔係，我係問年費")).contains(new FollowUp(FollowUp.Kind.CORRECTION, "年費"));
        assertThat(FollowUp.of("不是，我是说手续费")).contains(new FollowUp(FollowUp.Kind.CORRECTION, "手续费"));
    }

    @Test
    void aQuestionOfItsOwnIsNotAFollowUp() {
        assertThat(FollowUp.of("And what documents do I need to open a joint account with my wife?")).isEmpty();
        assertThat(FollowUp.of("How do I apply for a mortgage?")).isEmpty();
        assertThat(FollowUp.of("我想問點樣申請按揭同埋要咩文件先可以批到呢")).isEmpty();
        assertThat(FollowUp.of("")).isEmpty();
        assertThat(FollowUp.of("nothing")).isEmpty();
    }
}

package org.mvtm.sip.internal;

import org.mvtm.sip.ivr.Sentence;

/** What a SIP caller hears when they ask for a callback. */
final class CallbackPrompts {
    static final Sentence CONFIRMED = new Sentence(
            "好，有職員有空嘅時候我哋會打返俾你，你會保留喺隊入面嘅位置。你而家可以收線。",
            "好的，有客服人员空闲时我们会给您回电，您在队列中的位置会保留。您现在可以挂机。",
            "We will call you back, and you keep your place in the queue. You may hang up now.");
    static final Sentence REFUSED = new Sentence("對唔住，我哋冇辦法打返去呢個號碼，請繼續等候。",
            "对不起，我们无法回拨这个号码，请继续等候。",
            "Sorry, we cannot call you back on this number. Please stay on the line.");

    private CallbackPrompts() {
    }
}

package org.mvtm.server.waiting;

import java.time.Duration;
import java.util.Optional;
import org.mvtm.core.Language;

/**
 * What a waiting caller is told, in their language: their place and the estimated wait rounded up to whole minutes
 * ("less than a minute" under one), or, when routing has no honest estimate (nobody who can serve them is working),
 * that every advisor is busy, with no made-up number.
 */
final class WaitAnnouncementText {
    private WaitAnnouncementText() {
    }

    static String of(Language language, int position, Optional<Duration> estimate) {
        if (estimate.isEmpty()) {
            return switch (language) {
                case EN -> "Thank you for waiting. All our advisors are busy at the moment. Please stay on the line.";
                case ZH -> "感谢您的耐心等待。我们的客户经理正在忙碌，请不要挂机。";
                case YUE -> "多謝你耐心等候。我哋嘅客戶經理暫時都忙緊，請唔好收線。";
            };
        }
        long seconds = estimate.get().toSeconds();
        long minutes = (seconds + 59) / 60;
        return switch (language) {
            case EN -> "Thank you for waiting. You are number " + position + " in the queue. "
                    + (seconds < 60 ? "Your estimated wait is less than a minute."
                    : "Your estimated wait is about " + minutes + (minutes == 1 ? " minute." : " minutes."));
            case ZH -> "感谢您的耐心等待。您排在第" + position + "位，"
                    + (seconds < 60 ? "预计等待不到一分钟。" : "预计等待大约" + minutes + "分钟。");
            case YUE -> "多謝你耐心等候。你排第" + position + "位，"
                    + (seconds < 60 ? "預計等候少過一分鐘。" : "預計等候大約" + minutes + "分鐘。");
        };
    }

    /** The in-queue callback offer that follows, when SIP callers can ask for one with {@code key}. */
    static String callbackOffer(Language language, char key) {
        return switch (language) {
            case EN -> " If you prefer to be called back, press " + key + ".";
            case ZH -> "如需回电，请按" + key + "。";
            case YUE -> "想我哋打返俾你，請按" + key + "。";
        };
    }
}

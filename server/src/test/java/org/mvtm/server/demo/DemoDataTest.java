package org.mvtm.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    private static final Pattern CHINESE_NAME = Pattern.compile("\\p{IsHan}{2,}");

    @Test
    void noTwoDemoPeopleShareAChineseName() {
        List<String> chineseNames = new DemoData().logins().stream().map(DemoData.DemoLogin::displayName)
                .map(CHINESE_NAME::matcher).filter(Matcher::find).map(Matcher::group).toList();
        assertThat(chineseNames).isNotEmpty().doesNotHaveDuplicates();
    }
}

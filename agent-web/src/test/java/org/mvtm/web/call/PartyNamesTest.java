package org.mvtm.web.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mvtm.core.Party;
import org.mvtm.media.api.MediaSession;

/** The consoles pass {@link Party}; the media bridge's API takes its name: the two must not drift apart. */
class PartyNamesTest {

    @Test
    void everyPartysMediaNameIsTheMediaBridgesNameForIt() {
        assertThat(Party.CUSTOMER.mediaName()).isEqualTo(MediaSession.CUSTOMER);
        assertThat(Party.ADVISOR.mediaName()).isEqualTo(MediaSession.ADVISOR);
        assertThat(Party.SUPERVISOR.mediaName()).isEqualTo(MediaSession.SUPERVISOR);
    }
}

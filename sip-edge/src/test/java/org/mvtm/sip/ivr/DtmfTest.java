package org.mvtm.sip.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvtm.core.media.RtpHeader;

class DtmfTest {

    /** An RFC 4733 packet: key {@code event}, end bit, duration, RTP timestamp of the event. */
    static byte[] event(int event, boolean end, int duration, long timestamp, int seq) {
        byte[] p = new byte[16];
        RtpHeader.write(p, 0, false, 101, seq, timestamp, 0);
        p[12] = (byte) event;
        p[13] = (byte) ((end ? 0x80 : 0) | 10);
        p[14] = (byte) (duration >> 8);
        p[15] = (byte) duration;
        return p;
    }

    @Test
    void oneKeyPerTelephoneEventHoweverManyPacketsAndEndRetransmissionsCarryIt() {
        Dtmf dtmf = new Dtmf();
        assertThat(dtmf.rtpEvent(event(2, false, 160, 8000, 1), 0, 16)).contains('2');
        assertThat(dtmf.rtpEvent(event(2, false, 320, 8000, 2), 0, 16)).isEmpty();
        assertThat(dtmf.rtpEvent(event(2, true, 480, 8000, 3), 0, 16)).isEmpty();
        assertThat(dtmf.rtpEvent(event(2, true, 480, 8000, 4), 0, 16)).isEmpty();
        assertThat(dtmf.rtpEvent(event(2, false, 160, 16000, 5), 0, 16)).contains('2');
        assertThat(dtmf.rtpEvent(event(10, false, 160, 24000, 6), 0, 16)).contains('*');
        assertThat(dtmf.rtpEvent(event(0, false, 160, 32000, 7), 0, 16)).contains('0');
    }

    @Test
    void aTruncatedOrUnknownEventIsNoKey() {
        Dtmf dtmf = new Dtmf();
        assertThat(dtmf.rtpEvent(event(2, false, 160, 8000, 1), 0, 13)).isEmpty();
        assertThat(dtmf.rtpEvent(event(40, false, 160, 9000, 1), 0, 16)).isEmpty();
        byte[] extensionPastTheEnd = event(3, false, 160, 10000, 2);
        extensionPastTheEnd[0] = (byte) (0x80 | 0x10); // a header extension whose length word is the event's bytes
        assertThat(dtmf.rtpEvent(extensionPastTheEnd, 0, 16)).isEmpty();
        assertThat(dtmf.rtpEvent(event(3, false, 160, 10000, 3), 0, 16)).contains('3');
    }

    @Test
    void sipInfoBodiesOfBothCommonContentTypes() {
        assertThat(Dtmf.infoBody("dtmf-relay", "Signal=5\r\nDuration=160\r\n")).contains('5');
        assertThat(Dtmf.infoBody("dtmf-relay", "Signal= 0\nDuration=250")).contains('0');
        assertThat(Dtmf.infoBody("dtmf-relay", "Signal=11\r\n")).contains('#');
        assertThat(Dtmf.infoBody("dtmf", "2")).contains('2');
        assertThat(Dtmf.infoBody("dtmf-relay", "Duration=160")).isEmpty();
        assertThat(Dtmf.infoBody("dtmf-relay", "Signal=55")).isEmpty();
        assertThat(Dtmf.infoBody("plain", "5")).isEqualTo(Optional.empty());
    }
}

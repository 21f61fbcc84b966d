package org.mvtm.sip;

import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.support.CallMediaContract;
import org.mvtm.sip.support.RelayMedia;

/** The in-test relay the edge's tests use keeps the media port's contract, as the real bridge's adapter does. */
class RelayMediaContractTest extends CallMediaContract {
    @Override
    protected CallMedia newCallMedia() {
        return new RelayMedia();
    }
}

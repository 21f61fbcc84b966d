package org.mvtm.sip;

import org.mvtm.sip.api.SharedDialogs;
import org.mvtm.sip.support.SharedDialogsContract;

/** The single-node store passes the shared dialogs contract. */
class InMemorySharedDialogsTest extends SharedDialogsContract {
    @Override
    protected SharedDialogs store(String node) {
        return SharedDialogs.inMemory(node);
    }
}

package org.mvtm.core.media;

import java.util.List;

/**
 * What a recorder needs to know about one media leg: its id within the call, whose side it is
 * ({@code customer} or {@code advisor}) and the payload types negotiated on it.
 */
public record LegDescription(String legId, String party, List<PayloadType> payloadTypes) {
    public LegDescription {
        payloadTypes = List.copyOf(payloadTypes);
    }
}

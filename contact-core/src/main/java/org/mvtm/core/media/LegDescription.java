package org.mvtm.core.media;

import java.util.List;

/**
 * What a recorder needs to know about one media leg: its id within the call, whose side it is
 * ({@code customer} or {@code advisor}), the payload types negotiated on it and what it carries ({@link LegKind}).
 */
public record LegDescription(String legId, String party, List<PayloadType> payloadTypes, LegKind kind) {
    public LegDescription {
        payloadTypes = List.copyOf(payloadTypes);
        kind = kind == null ? LegKind.CALL : kind;
    }

    /** A party's own call leg (microphone, camera). */
    public LegDescription(String legId, String party, List<PayloadType> payloadTypes) {
        this(legId, party, payloadTypes, LegKind.CALL);
    }
}

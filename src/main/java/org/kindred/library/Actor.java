package org.kindred.library;

import java.util.UUID;

/** Who changed a resource: a platform admin, a partner organisation (through an API key) or the seed loader. */
public record Actor(Kind kind, UUID accountId, UUID partnerId) {

    public enum Kind {
        ADMIN, PARTNER, SEED
    }

    public static final Actor SEED = new Actor(Kind.SEED, null, null);

    public static Actor admin(UUID accountId) {
        return new Actor(Kind.ADMIN, accountId, null);
    }

    public static Actor partner(UUID partnerId) {
        return new Actor(Kind.PARTNER, null, partnerId);
    }

    public boolean isPartner() {
        return kind == Kind.PARTNER;
    }
}

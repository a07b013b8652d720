package org.kindred.library.partners;

import java.util.List;

/** What a partner API key may do. */
public final class PartnerScopes {

    /** Read the library (feeds, list, crisis lines) under the key's own rate limit. */
    public static final String FEEDS_READ = "feeds:read";
    /** Submit resources for review, and follow or withdraw one's own submissions. */
    public static final String RESOURCES_SUBMIT = "resources:submit";
    /** Register and manage the organisation's webhook endpoints (resource.published, .updated, .archived). */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    public static final List<String> ALL = List.of(FEEDS_READ, RESOURCES_SUBMIT, WEBHOOKS_MANAGE);
    public static final String PATTERN = "feeds:read|resources:submit|webhooks:manage";

    private PartnerScopes() {
    }
}

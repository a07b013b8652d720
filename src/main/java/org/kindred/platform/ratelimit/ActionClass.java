package org.kindred.platform.ratelimit;

import java.util.Locale;

/** What kind of action a request is, for rate limiting. Each class has its own per-IP and per-account limits. */
public enum ActionClass {
    LOGIN, REGISTER, REFRESH, PASSWORD, READ, WRITE, PUBLIC_FEED, REPORT, EXPORT;

    /** The name used in configuration keys and in the RateLimit headers, e.g. {@code public-feed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

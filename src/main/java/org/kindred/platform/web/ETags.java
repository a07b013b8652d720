package org.kindred.platform.web;

import org.kindred.platform.error.PreconditionFailedException;

/** Strong ETags derived from an entity's version, and the If-Match check that goes with them. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Throws 412 when an If-Match header is present and names neither {@code *} nor the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException();
    }
}

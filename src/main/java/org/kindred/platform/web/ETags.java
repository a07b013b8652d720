package org.kindred.platform.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.kindred.platform.error.PreconditionFailedException;

/**
 * Strong ETags derived from an entity's version or from the bytes of a representation, and the If-Match and
 * If-None-Match checks that go with them.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** A strong ETag naming exactly these bytes (a truncated SHA-256), for representations without a version. */
    public static String ofContent(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws 412 when an If-Match header is present and names neither {@code *} nor the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requireMatch(ifMatch, of(currentVersion));
    }

    /** Throws 412 when an If-Match header is present and names neither {@code *} nor the current ETag. */
    public static void requireMatch(String ifMatch, String currentTag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (!matchesWeakly(ifMatch, currentTag)) {
            throw new PreconditionFailedException();
        }
    }

    /** Whether a list of entity tags (an If-Match or If-None-Match value) names {@code *} or this tag, ignoring W/. */
    public static boolean matchesWeakly(String tagList, String currentTag) {
        String current = currentTag.startsWith("W/") ? currentTag.substring(2) : currentTag;
        for (String candidate : tagList.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}

package org.kindred.journal;

import java.util.Map;

import org.kindred.platform.error.ApiException;

/**
 * 401 for a journal protected by the member's passphrase: none was sent ({@code journal-locked}) or the one sent does
 * not open it ({@code wrong-journal-passphrase}). Its {@code WWW-Authenticate} names the passphrase header, not
 * Bearer, so a client tells it from an expired access token and does not sign the member out.
 */
final class JournalLocked extends ApiException {

    static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate",
            JournalUnlock.HEADER + " realm=\"journal\"");

    private JournalLocked(String kind, String title, String detail) {
        super(401, kind, title, detail, null, null, CHALLENGE);
    }

    static JournalLocked missing() {
        return new JournalLocked("journal-locked", "Journal locked",
                "Your journal is protected by your journal passphrase: send it in the " + JournalUnlock.HEADER
                        + " header (base64url of its UTF-8 bytes)");
    }

    static JournalLocked wrong() {
        return new JournalLocked("wrong-journal-passphrase", "Wrong journal passphrase",
                "This is not your journal passphrase. Wrong guesses are limited like password checks");
    }
}

package org.kindred.accounts;

import java.util.Set;

/**
 * How a member wants lists to treat posts with content warnings: the warnings they hide, and whether such posts are
 * collapsed ({@code COLLAPSE}) rather than left out. Read with every session check and carried as an identity
 * attribute, so a feed page needs no query of its own for it (issue 20).
 */
public record ReadingPreferences(boolean collapse, Set<ContentWarning> hidden) {

    /** The identity attribute that carries the caller's preferences (set by {@link SessionCheckAugmentor}). */
    public static final String ATTRIBUTE = "kindred.reading-preferences";

    public ReadingPreferences {
        hidden = Set.copyOf(hidden);
    }
}

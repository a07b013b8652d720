package org.kindred.groups;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Group slugs, derived from the name. Hidden means hidden, so slugs come in two kinds that never compete:
 * <ul>
 * <li>A listed group (PUBLIC or PRIVATE) gets the plain slug of its name, numbered on a collision with another group
 * ({@code name}, {@code name-2}, ...).</li>
 * <li>A HIDDEN group never holds a plain slug: it gets the name's slug and a random suffix of {@value #SUFFIX_LENGTH}
 * letters ({@code name-qxvmtrkpwnhz}), when it is created HIDDEN and again when it becomes HIDDEN. So whoever creates a
 * group called "name" gets {@code name} (or a number after the listed groups' {@code name}s), whether or not a hidden
 * group of that name exists.</li>
 * </ul>
 * The suffix has no digits (never one of the {@code -2} numbers) and no hex letters (never part of something that
 * parses as a UUID), and 48 random bits: a plain slug meets a hidden one only by guessing it.
 */
@ApplicationScoped
public class GroupSlugs {

    static final int SUFFIX_LENGTH = 12;
    /** 16 letters, none of them a hex digit: 4 random bits each. */
    private static final String SUFFIX_ALPHABET = "ghjkmnpqrstvwxyz";
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern UUID_LIKE = Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
    private static final int BASE_MAX = 60;

    private final GroupRepository groups;
    private final SecureRandom random = new SecureRandom();

    public GroupSlugs(GroupRepository groups) {
        this.groups = groups;
    }

    /** The slug of a new group with this name and visibility. */
    String forNew(String name, Visibility visibility) {
        return visibility == Visibility.HIDDEN ? unlisted(name) : listed(name);
    }

    /** The plain slug of the name, numbered after the slugs already taken (serialised per base slug). */
    String listed(String name) {
        String base = base(name);
        groups.lockSlug(base);
        Set<String> taken = new HashSet<>(groups.slugsStartingWith(base));
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2;; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The slug of a HIDDEN group: the name's slug and a random suffix that no other group has. */
    String unlisted(String name) {
        String base = base(name);
        while (true) {
            StringBuilder slug = new StringBuilder(base).append('-');
            for (int i = 0; i < SUFFIX_LENGTH; i++) {
                slug.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
            }
            if (groups.count("slug", slug.toString()) == 0) {
                return slug.toString();
            }
        }
    }

    /** Lower-case ASCII letters and digits joined by single dashes, at most {@value #BASE_MAX} characters. */
    private static String base(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        base = NOT_SLUG.matcher(base).replaceAll("-").replaceAll("^-+|-+$", "");
        if (base.length() > BASE_MAX) {
            base = base.substring(0, BASE_MAX).replaceAll("-+$", "");
        }
        if (base.isEmpty() || UUID_LIKE.matcher(base).matches()) {
            base = base.isEmpty() ? "group" : base + "-group";
        }
        return base;
    }
}

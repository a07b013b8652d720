package org.kindred.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers, e-mail addresses, street addresses, profile links and @handles, with offsets into the original
 * text. E-mails, links and handles never contain spaces, so they are recognised token by token with anchored,
 * length-bounded expressions; phone numbers and addresses span spaces and use expressions whose repetitions are all
 * bounded and over disjoint character classes, so the work stays linear in the text.
 */
final class PersonalInfoFinder {

    private static final int MAX_TOKEN = 512;
    /**
     * Further than any address pattern below can reach from its house number: the longest holds five names of up to
     * 31 letters, particles and a street word, under 250 characters ({@code PersonalInfoFinderTest} checks the bound).
     */
    static final int ADDRESS_REACH = 400;
    /**
     * For each pattern after the {@link #NUMBER_FIRST} ones: how far before its house number's first digit a match can
     * start (a street word and four names of up to 31 letters for Spanish and Portuguese, a compound of up to 41
     * letters and a street word for German), counting two characters for a letter outside the Basic Multilingual
     * Plane ("𝐁𝐞𝐫𝐥𝐢𝐧𝐞𝐫", styled text). A match ends at most {@link #AFTER_DIGIT} characters after that digit (five
     * digits and a letter). {@code PersonalInfoFinderTest} checks both on the longest addresses.
     */
    static final int[] BEFORE_DIGIT = {280, 280, 100, 100, 100};
    static final int AFTER_DIGIT = 8;

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+\\-]{1,64}@[\\p{L}\\p{N}\\-]{1,63}(?:\\.[\\p{L}\\p{N}\\-]{1,63}){0,8}\\.\\p{L}{2,24}");
    /** "maria [at] example [dot] org", "maria (arroba) correo (punto) es". */
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]{1,64} ?[\\[(] ?(?:at|arroba|arobase|chez|ät) ?[\\])] ?[\\p{L}\\p{N}\\-]{1,63}"
                    + " ?(?:[\\[(] ?(?:dot|punto|point|punkt|ponto) ?[\\])]|\\.) ?\\p{L}{2,24}(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?");
    private static final Pattern PROFILE_SEGMENT = Pattern.compile("@?[\\p{L}\\p{N}_.\\-]{2,60}");

    /** Hosts whose first path segment is a person (or, with the prefixes below, after a fixed segment). */
    private static final Set<String> PROFILE_HOSTS = Set.of("instagram.com", "twitter.com", "x.com", "facebook.com",
            "fb.com", "tiktok.com", "threads.net", "threads.com", "youtube.com", "t.me", "telegram.me", "wa.me",
            "twitch.tv", "vk.com", "onlyfans.com", "pinterest.com", "github.com", "patreon.com", "linktr.ee",
            "soundcloud.com", "medium.com", "snapchat.com", "linkedin.com", "reddit.com", "bsky.app", "tumblr.com",
            "flickr.com", "vimeo.com", "mastodon.social", "kick.com", "ko-fi.com", "cash.app", "venmo.com");
    /** Paths that are pages of the site, not people. */
    private static final Set<String> SITE_PAGES = Set.of("home", "explore", "search", "hashtag", "hashtags", "i",
            "settings", "login", "signup", "share", "sharer", "sharer.php", "intent", "help", "about", "privacy",
            "terms", "policies", "legal", "p", "reel", "reels", "stories", "watch", "results", "feed", "groups",
            "events", "pages", "notifications", "messages", "direct", "tags", "tag", "topics", "trending", "status",
            "channel", "c", "user", "u", "in", "company", "school", "jobs", "r", "add", "profile", "posts", "post",
            "video", "videos", "music", "discover", "live", "tv", "shorts", "playlist", "marketplace", "gaming",
            "watch.php", "permalink.php", "story.php", "photo.php", "media", "embed", "oauth", "download");

    // A phone number: optional + (or a 00 prefix), then digits with spaces, dots, dashes, slashes and parentheses.
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])\\+?\\(?\\d[\\d \\u00A0().\\-/]{5,20}\\d(?![\\p{N}])");
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}([./\\-])\\d{1,2}\\1\\d{2,4}|\\d{4}([./\\-])\\d{1,2}\\2\\d{1,2}");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("[$€£¥₹]|r\\$|us\\$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_AFTER = Pattern.compile(
            " ?(?:[$€£¥₹%]|eur|euros?|usd|dollars?|pounds?|reais|real|pesos?|francs?|chf|kr|km|kg|m2|m²)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String NAME = "\\p{L}[\\p{L}'’.\\-]{0,30}";
    private static final String EN_STOP = "(?:the|a|an|my|our|your|his|her|their|its|of|on|in|at|to|for|from|with|and|or|"
            + "this|that|these|those|same|other|down|up|across|along|near|by|into|onto|off|more|few|times|years|days|"
            + "weeks|months|blocks|minutes|hours|miles|km|kilometers|kilometres|people|men|women|kids|cops|is|was|are|"
            + "were|be|i|we|you|he|she|they|it|every|each|all|some|many|much|very|so|just|only|over|under|than|then)"
            + "(?![\\p{L}])";
    private static final String FR_STOP = "(?:à|a|et|est|pour|avec|dans|en|où|ou|mais|il|elle|je|j|on|nous|vous|ils|elles|"
            + "depuis|chez|près|pres|qui|que|quand|sur|par|ce|cette|mon|ma|mes|son|sa|ses|au|aux|y|pas|ne|à côté)(?![\\p{L}])";
    private static final String ES_STOP = "(?:y|e|en|que|es|por|con|para|me|mi|se|lo|le|cerca|desde|donde|hay|está|esta|"
            + "tengo|vivo|hace|un|una|al|a|muy|hasta|sin|pero|cuando|como|o)(?![\\p{L}])";
    private static final String PT_STOP = "(?:e|em|que|é|por|com|para|me|eu|se|na|no|nas|nos|perto|onde|há|tem|moro|um|uma|"
            + "ao|à|a|desde|sem|mas|quando|como|o|ou)(?![\\p{L}])";
    private static final String FR_PARTICLE = "(?iu:de |du |des |la |le |les |l['’]|d['’])";
    private static final String HOUSE_NUMBER = ",? (?:n[º°o]\\.? ?)?\\d{1,5}(?:[a-zA-Z](?![\\p{L}]))?(?![\\p{N}])";

    /** How many of the {@link #ADDRESSES} open with the house number (they come first). */
    static final int NUMBER_FIRST = 3;
    static final List<Pattern> ADDRESSES = List.of(
            // 12 Baker Street, 1600 Pennsylvania Ave: any case for the common street words
            Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,5}[a-zA-Z]?,? (?:(?!" + EN_STOP + ")" + NAME + " ){1,4}"
                    + "(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|highway|hwy|parkway|pkwy|terrace|crescent)"
                    + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            // 4 Privet Close, 7 Abbey Road Gardens: rarer street words need a capitalised name
            Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,5}[a-zA-Z]?,? (?:\\p{Lu}[\\p{L}'’.\\-]{0,30} ){1,4}"
                    + "(?i:way|court|ct|place|pl|close|square|sq|grove|gardens|row|mews|hill|walk|circle|cir|dr)(?![\\p{L}])"),
            // 15 rue de la Paix, 3 bis avenue Foch: after the first word of the name, only capitalised words and
            // particles, so the match stops where the sentence goes on ("15 rue de la Paix since May")
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])\\d{1,4}(?: ?(?i:bis|ter))?,? (?iu:rue|avenue|av\\.|boulevard|bd|place|chemin|"
                            + "allée|allee|impasse|quai|cours|route|square|passage|faubourg) (?:" + FR_PARTICLE
                            + "){0,2}(?!" + FR_STOP
                            + ")" + NAME + "(?: (?:" + FR_PARTICLE + "){0,2}\\p{Lu}[\\p{L}'’\\-]{0,30}){0,3}"),
            // Calle Mayor 5, C/ de Alcalá, 45, Avda. de la Constitución nº 12
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])(?:calle|c/|avenida|avda\\.?|av\\.|paseo|plaza|pza\\.|camino|carrera|ronda|"
                            + "travesía|travesia|carretera|glorieta|pasaje) ?(?:(?!" + ES_STOP + ")" + NAME
                            + " ){0,3}(?!" + ES_STOP
                            + ")" + NAME + HOUSE_NUMBER,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            // Rua Augusta 100, Av. Paulista, 1578
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])(?:rua|avenida|av\\.|travessa|tv\\.|largo|praça|praca|alameda|estrada|rodovia|"
                            + "calçada|calcada|beco) (?:(?!" + PT_STOP + ")" + NAME + " ){0,3}(?!" + PT_STOP + ")"
                            + NAME
                            + HOUSE_NUMBER,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            // Hauptstraße 3, Goethestr. 12a, Am Lindenweg 5 (compound, capitalised)
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\-]{1,40}?(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|"
                            + "damm|ufer|chaussee|steig|pfad|markt) ?\\d{1,4}(?:[a-zA-Z](?![\\p{L}]))?(?![\\p{N}])"),
            // hauptstraße 3 in lower case, only for the unmistakable street words
            Pattern.compile("(?<![\\p{L}\\p{N}])[\\p{L}\\-]{2,40}?(?:straße|strasse|str\\.|gasse|allee) ?\\d{1,4}"
                    + "(?:[a-zA-Z](?![\\p{L}]))?(?![\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            // Berliner Straße 12
            Pattern.compile(
                    "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\-]{1,40} (?:Straße|Strasse|Str\\.|Weg|Gasse|Platz|Allee|Ring|"
                            + "Damm|Ufer|Chaussee) \\d{1,4}(?:[a-zA-Z](?![\\p{L}]))?(?![\\p{N}])"));

    List<PersonalInfoSpan> find(String text) {
        List<PersonalInfoSpan> found = new ArrayList<>();
        tokens(text, found);
        // Each pattern below scans the whole text; skip those that cannot match: an obfuscated e-mail brackets its
        // "at" ("name [at] mail.com"), and every phone number and street address holds an ASCII digit.
        if (text.indexOf('[') >= 0 || text.indexOf('(') >= 0) {
            find(OBFUSCATED_EMAIL, PersonalInfoKind.EMAIL, text, found);
        }
        if (hasDigit(text)) {
            phones(text, found);
            found.addAll(addresses(text));
        }
        return withoutOverlaps(found);
    }

    /** E-mails, profile links and handles: whitespace-separated tokens, trimmed of surrounding punctuation. */
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static void tokens(String text, List<PersonalInfoSpan> found) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && "([{<\"'«“‘¿¡".indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            while (end > start && ".,;:!?)]}>\"'»”’…".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end - start < 2 || end - start > MAX_TOKEN) {
                continue;
            }
            String token = text.substring(start, end);
            int offset = start;
            if (token.regionMatches(true, 0, "mailto:", 0, 7)) {
                token = token.substring(7);
                offset += 7;
            }
            if (token.indexOf('@') > 0 && EMAIL.matcher(token).matches()) {
                found.add(new PersonalInfoSpan(PersonalInfoKind.EMAIL, offset, end));
            } else if (token.charAt(0) == '@' && HANDLE.matcher(token).matches()) {
                found.add(new PersonalInfoSpan(PersonalInfoKind.HANDLE, start, end));
            } else if (token.indexOf('/') > 0 && isProfileLink(token)) {
                found.add(new PersonalInfoSpan(PersonalInfoKind.URL, start, end));
            }
        }
    }

    static boolean isProfileLink(String token) {
        String url = token.toLowerCase(Locale.ROOT);
        if (url.startsWith("https://")) {
            url = url.substring(8);
        } else if (url.startsWith("http://")) {
            url = url.substring(7);
        }
        int slash = url.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String host = url.substring(0, slash);
        for (String prefix : new String[]{"www.", "m.", "mobile.", "web.", "vm.", "old.", "new."}) {
            if (host.startsWith(prefix)) {
                host = host.substring(prefix.length());
                break;
            }
        }
        if (host.indexOf('.') < 0 || host.indexOf(':') >= 0) {
            return false;
        }
        String[] path = url.substring(slash + 1).split("[/?#]");
        String first = path.length > 0 ? path[0] : "";
        if (first.startsWith("@") && PROFILE_SEGMENT.matcher(first).matches() && first.length() > 2) {
            return true; // any site's /@name: Mastodon, Medium, YouTube, TikTok, Threads
        }
        String host2 = host.matches("[a-z]{2}\\.linkedin\\.com") ? "linkedin.com" : host;
        if (!PROFILE_HOSTS.contains(host2)) {
            return false;
        }
        if (("facebook.com".equals(host2) || "fb.com".equals(host2)) && "profile.php".equals(first)) {
            return url.contains("id=");
        }
        String person = switch (host2) {
            case "linkedin.com" -> "in".equals(first) ? segment(path, 1) : null;
            case "reddit.com" -> "u".equals(first) || "user".equals(first) ? segment(path, 1) : null;
            case "snapchat.com" -> "add".equals(first) ? segment(path, 1) : null;
            case "bsky.app" -> "profile".equals(first) ? segment(path, 1) : null;
            case "youtube.com" -> "c".equals(first) || "user".equals(first) ? segment(path, 1) : null;
            default -> first;
        };
        return person != null && !SITE_PAGES.contains(person) && PROFILE_SEGMENT.matcher(person).matches();
    }

    private static String segment(String[] path, int index) {
        return path.length > index ? path[index] : null;
    }

    private static void phones(String text, List<PersonalInfoSpan> found) {
        Matcher m = PHONE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String candidate = m.group();
            if (isPhone(candidate, text, m.start(), m.end())) {
                found.add(new PersonalInfoSpan(PersonalInfoKind.PHONE, m.start(), m.end()));
                from = m.end();
            } else {
                // Retry from the next group of digits: "in 2019 07700 900123" holds a number after a year.
                int next = m.start() + 1;
                while (next < m.end() && Character.isDigit(text.charAt(next))) {
                    next++;
                }
                while (next < m.end() && !Character.isDigit(text.charAt(next))) {
                    next++;
                }
                from = next >= m.end() ? m.end() : next;
            }
        }
    }

    static boolean isPhone(String candidate, String text, int start, int end) {
        int digits = 0;
        for (int i = 0; i < candidate.length(); i++) {
            if (Character.isDigit(candidate.charAt(i))) {
                digits++;
            }
        }
        if (start > 0 && CURRENCY_BEFORE.matcher(text.substring(Math.max(0, start - 3), start).trim()).find()
                || CURRENCY_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 8))).lookingAt()) {
            return false;
        }
        if (continuesANumber(text, start)) {
            return false; // "1 234 567 890": the digits before belong to the same number
        }
        if (candidate.startsWith("+") || candidate.startsWith("00")) {
            int significant = candidate.startsWith("00") ? digits - 2 : digits;
            return significant >= 8 && significant <= 15;
        }
        if (digits < 9 || digits > 12 || DATE.matcher(candidate).find()) {
            return false;
        }
        String[] groups = candidate.replaceAll("[^0-9]+", " ").trim().split(" ");
        if (groups.length == 1) {
            // Without separators only a national number with its trunk 0, or a Spanish/Portuguese mobile.
            String g = groups[0];
            return g.startsWith("0") || candidate.startsWith("(") || g.length() == 9 && "679".indexOf(g.charAt(0)) >= 0;
        }
        boolean allYears = true;
        for (String g : groups) {
            if (g.length() < 2) {
                return false;
            }
            allYears &= g.length() == 4 && (g.startsWith("19") || g.startsWith("20"));
        }
        return !allYears;
    }

    /** Whether a group of one to three digits stands right before {@code start}, as in a number grouped by thousands. */
    private static boolean continuesANumber(String text, int start) {
        int i = start - 1;
        if (i < 0 || " \u00A0.,".indexOf(text.charAt(i)) < 0) {
            return false;
        }
        int digits = 0;
        for (i--; i >= 0 && Character.isDigit(text.charAt(i)); i--) {
            digits++;
        }
        return digits >= 1 && digits <= 3 && (i < 0 || !Character.isLetterOrDigit(text.charAt(i)));
    }

    /**
     * The stretches of the text from {@code before} characters before an ASCII digit to {@code after} characters after
     * it, merged where they touch, as {start, end} pairs. Every address holds a house number and lies within such a
     * stretch of its first digit, so every match of an address pattern lies inside one stretch; scanning only those
     * (with the text around visible to look-arounds) finds exactly the matches a scan of the whole text finds, in a
     * long post with a date in it at a fraction of the cost.
     */
    static int[] aroundDigits(String text, int before, int after) {
        int[] windows = new int[8];
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int from = Math.max(0, i - before);
            int to = Math.min(text.length(), i + after + 1);
            if (count > 0 && from <= windows[count - 1]) {
                windows[count - 1] = to;
            } else {
                if (count + 2 > windows.length) {
                    windows = Arrays.copyOf(windows, windows.length * 2);
                }
                windows[count++] = from;
                windows[count++] = to;
            }
        }
        return Arrays.copyOf(windows, count);
    }

    /**
     * Every match of every address pattern, pattern by pattern, each left to right (overlaps not yet removed). The
     * patterns that open with the house number ({@link #NUMBER_FIRST}) are tried only where a run of digits starts;
     * the others scan the stretches around digits.
     */
    static List<PersonalInfoSpan> addresses(String text) {
        List<PersonalInfoSpan> found = new ArrayList<>();
        int[] windows = null;
        int windowsBefore = -1;
        for (int p = 0; p < ADDRESSES.size(); p++) {
            Matcher m = ADDRESSES.get(p).matcher(text);
            m.useTransparentBounds(true);
            if (p < NUMBER_FIRST) {
                atDigitRuns(m, text, found);
                continue;
            }
            int before = BEFORE_DIGIT[p - NUMBER_FIRST];
            if (before != windowsBefore) {
                windows = aroundDigits(text, before, AFTER_DIGIT);
                windowsBefore = before;
            }
            for (int w = 0; w < windows.length; w += 2) {
                m.region(windows[w], windows[w + 1]);
                while (m.find()) {
                    found.add(new PersonalInfoSpan(PersonalInfoKind.ADDRESS, m.start(), m.end()));
                }
            }
        }
        return found;
    }

    /**
     * The matches, left to right and never overlapping, of a pattern that starts with a digit no letter or digit
     * precedes: tried only at the first digit of each run, as far as {@link #ADDRESS_REACH}.
     */
    private static void atDigitRuns(Matcher m, String text, List<PersonalInfoSpan> found) {
        int from = 0;
        for (int d = 0; d < text.length(); d++) {
            if (d < from || !isAsciiDigit(text.charAt(d)) || d > 0 && isAsciiDigit(text.charAt(d - 1))) {
                continue;
            }
            m.region(d, Math.min(text.length(), d + ADDRESS_REACH));
            if (m.lookingAt()) {
                found.add(new PersonalInfoSpan(PersonalInfoKind.ADDRESS, m.start(), m.end()));
                from = m.end();
            }
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void find(Pattern pattern, PersonalInfoKind kind, String text, List<PersonalInfoSpan> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(new PersonalInfoSpan(kind, m.start(), m.end()));
        }
    }

    /** Keeps, of overlapping spans, the one of the more specific kind, then the longer one. */
    private static List<PersonalInfoSpan> withoutOverlaps(List<PersonalInfoSpan> spans) {
        List<PersonalInfoSpan> byPriority = new ArrayList<>(spans);
        byPriority.sort(Comparator.comparingInt((PersonalInfoSpan s) -> priority(s.kind()))
                .thenComparing(Comparator.comparingInt((PersonalInfoSpan s) -> s.end() - s.start()).reversed())
                .thenComparingInt(PersonalInfoSpan::start));
        // Kept spans never overlap, so only the one starting last before a candidate's end can overlap it.
        TreeMap<Integer, PersonalInfoSpan> kept = new TreeMap<>();
        for (PersonalInfoSpan span : byPriority) {
            Map.Entry<Integer, PersonalInfoSpan> before = kept.lowerEntry(span.end());
            if (before == null || before.getValue().end() <= span.start()) {
                kept.put(span.start(), span);
            }
        }
        return List.copyOf(kept.values());
    }

    private static int priority(PersonalInfoKind kind) {
        return switch (kind) {
            case EMAIL -> 0;
            case URL -> 1;
            case PHONE -> 2;
            case ADDRESS -> 3;
            case HANDLE -> 4;
        };
    }
}

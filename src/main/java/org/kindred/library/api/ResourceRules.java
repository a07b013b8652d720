package org.kindred.library.api;

/** Shapes of resource fields, shared by the create and update requests and the seed files. */
public final class ResourceRules {

    /** No control characters (titles and names are shown on one line). */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    /** Digits with optional spaces, dashes, dots and parentheses, optionally starting with +: "116 123", "+1 (800) 273-8255". */
    public static final String PHONE = "\\+?[0-9][0-9 ().-]{0,37}[0-9]";
    /** ISO 3166-2: the country code, a dash and 1 to 3 letters or digits. */
    public static final String REGION = "[A-Z]{2}-[A-Z0-9]{1,3}";

    private ResourceRules() {
    }
}

package org.kindred.safety.api;

/** Documentation shared by post and reply bodies. */
public final class PostText {

    /** The longest post or reply body, in UTF-16 code units (what {@code @Size} and JavaScript count). */
    public static final int BODY_MAX_LENGTH = 10000;

    public static final String BODY_DOC = "Plain text with an optional safe Markdown subset: *emphasis*, **strong**, [links](https://...), "
            + "lists, > quotes and `code`. HTML is not allowed (tags are refused with 400) and clients must never render the body as HTML: "
            + "render Markdown with raw HTML disabled, or show it as text. 1 to 10000 characters.";

    private PostText() {
    }
}

package org.kindred.posts;

/** What the feed and the timeline say about sorting and search, written once for both. */
final class PostSearchDocs {

    static final String Q_DOC = "Full-text search in threads' titles and bodies (web-search syntax: words, \"phrases\", "
            + "-exclusions), at most 200 characters; with `q` the results are ranked best match first and `sort` is "
            + "ignored";

    static final String SEARCH_DOC = "**Search** (`q`): threads whose title or body match, best match first, under "
            + "exactly the same visibility rules as the list without `q`. Words are stemmed in the group's language "
            + "and matched as written too. Only the text is searched, never authors' handles or names, so a handle "
            + "never finds that member's anonymous posts. Removed posts are not searched. A search made only of stop "
            + "words (\"the\", \"and\") answers an empty page; a blank `q` or one over 200 characters is a 400. The "
            + "cursor of a search page is valid for the same words only.";

    /** Not blank: at least one character that is not white space. */
    static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";

    private PostSearchDocs() {
    }

    static PostRepository.Sort sort(String sort) {
        return "active".equals(sort) ? PostRepository.Sort.ACTIVE : PostRepository.Sort.NEW;
    }
}

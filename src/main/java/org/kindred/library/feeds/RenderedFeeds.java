package org.kindred.library.feeds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.web.ETags;

/**
 * Feed pages as last rendered, so a revalidation (If-None-Match) or a repeated request costs one small query instead
 * of reading, mapping and serialising a page (issue 20: a 304 cost as much as a 200). A page is keyed by everything
 * the request names (format, media type, full URL with its filters and cursor) and kept with the library's
 * fingerprint at rendering ({@link org.kindred.library.PublicSnapshot}): any change to the public library misses, and
 * the page is rendered again. Public content only; at most {@value #MAX_PAGES} pages of at most {@value #MAX_BYTES}
 * bytes each, least recently used evicted. Each replica keeps its own; the ETag is the content's hash, so replicas
 * agree.
 */
@ApplicationScoped
public class RenderedFeeds {

    static final int MAX_PAGES = 128;
    static final int MAX_BYTES = 256 * 1024;

    /** A rendered page: its bytes and their ETag, for the library fingerprint it was rendered at. */
    record Rendered(String fingerprint, byte[] body, String etag) {
    }

    private final Map<String, Rendered> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
            return size() > MAX_PAGES;
        }
    };

    /** The page for this request at this fingerprint: the kept one, or a fresh rendering (kept if small enough). */
    Rendered page(String request, String fingerprint, Supplier<byte[]> render) {
        synchronized (pages) {
            Rendered kept = pages.get(request);
            if (kept != null && kept.fingerprint().equals(fingerprint)) {
                return kept;
            }
        }
        byte[] body = render.get();
        Rendered fresh = new Rendered(fingerprint, body, ETags.ofContent(body));
        if (body.length <= MAX_BYTES) {
            synchronized (pages) {
                pages.put(request, fresh);
            }
        }
        return fresh;
    }
}

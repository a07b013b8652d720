package org.kindred.library.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.library.api.ResourceResponse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** Writes a page of resources as an Atom 1.0 feed (RFC 4287), with rome. */
@ApplicationScoped
public class AtomFeedWriter {

    static final String CATEGORY_SCHEME = "urn:kindred:resource:";

    /**
     * @param selfUrl this page's URL (also the feed id of its first page, without the cursor)
     * @param nextUrl the next page's URL ({@code rel="next"}, RFC 5005); null on the last page
     * @param previousUrl the previous page's URL ({@code rel="previous"}, RFC 5005); null on the first page
     * @param updated when the feed last changed; {@code atom:updated} is required, so now when nothing matches
     */
    public String write(String title, String feedId, String selfUrl, String nextUrl, String previousUrl,
            Instant updated, List<ResourceResponse> resources) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(title);
        feed.setUri(feedId);
        feed.setPublishedDate(Date.from(updated));
        List<SyndLink> links = new ArrayList<>();
        links.add(link("self", selfUrl, "application/atom+xml"));
        if (nextUrl != null) {
            links.add(link("next", nextUrl, "application/atom+xml"));
        }
        if (previousUrl != null) {
            links.add(link("previous", previousUrl, "application/atom+xml"));
        }
        feed.setLinks(links);
        SyndPerson kindred = new SyndPersonImpl();
        kindred.setName(title);
        feed.setAuthors(List.of(kindred));
        feed.setEntries(resources.stream().map(AtomFeedWriter::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
    }

    private static SyndEntry entry(ResourceResponse r) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:uuid:" + r.id());
        entry.setTitle(r.title());
        entry.setLink(r.url());
        entry.setPublishedDate(Date.from(r.createdAt()));
        entry.setUpdatedDate(Date.from(r.updatedAt()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(r.summary());
        entry.setDescription(summary);
        SyndPerson organization = new SyndPersonImpl();
        organization.setName(r.organization().name());
        organization.setUri(r.organization().url());
        entry.setAuthors(List.of(organization));
        List<SyndCategory> categories = new ArrayList<>();
        categories.add(category("type", r.type().name()));
        r.bases().forEach(b -> categories.add(category("basis", b.name())));
        r.topics().forEach(t -> categories.add(category("topic", t.name())));
        r.countries().forEach(c -> categories.add(category("country", c)));
        entry.setCategories(categories);
        return entry;
    }

    private static SyndCategory category(String kind, String value) {
        SyndCategory category = new SyndCategoryImpl();
        category.setTaxonomyUri(CATEGORY_SCHEME + kind);
        category.setName(value);
        return category;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}

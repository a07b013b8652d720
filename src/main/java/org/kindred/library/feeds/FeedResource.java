package org.kindred.library.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kindred.library.LibraryConfig;
import org.kindred.library.PublicFilterParams;
import org.kindred.library.PublicReads;
import org.kindred.library.PublicSnapshot;
import org.kindred.library.ResourceCatalogue;
import org.kindred.library.ResourceFilter;
import org.kindred.library.api.ResourceResponse;
import org.kindred.library.partners.AcceptsPartnerKey;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.platform.web.ConditionalGet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feeds of published resources for partner sites to embed: JSON Feed 1.1 and Atom, with the list's public filters and
 * paging. Public and cacheable (ETag, Last-Modified, Cache-Control), and open to any origin ({@link FeedCors}).
 */
@Path("/api/v1/feeds")
@Tag(name = "Feeds")
@RateLimited(ActionClass.PUBLIC_FEED)
public class FeedResource {

    public static final String JSON_FEED = "application/feed+json";
    public static final String ATOM = "application/atom+xml";
    static final String DESCRIPTION = "Curated help for people facing discrimination: crisis lines, helplines, where to "
            + "report and complain, legal aid, and guides.";

    private final ResourceCatalogue catalogue;
    private final LibraryConfig config;
    private final PublicReads reads;
    private final AtomFeedWriter atom;
    private final ObjectMapper json;
    private final Clock clock;
    private final RenderedFeeds renderedFeeds;

    public FeedResource(ResourceCatalogue catalogue, LibraryConfig config, PublicReads reads, AtomFeedWriter atom,
            ObjectMapper json, Clock clock, RenderedFeeds renderedFeeds) {
        this.catalogue = catalogue;
        this.config = config;
        this.reads = reads;
        this.atom = atom;
        this.json = json;
        this.clock = clock;
        this.renderedFeeds = renderedFeeds;
    }

    @GET
    @Path("/resources.json")
    @Produces({JSON_FEED, MediaType.APPLICATION_JSON})
    @AcceptsPartnerKey(scopes = PartnerScopes.FEEDS_READ)
    @SecurityRequirementsSet
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "getJsonFeed", summary = "Resources as a JSON Feed", description = """
            Published resources as JSON Feed 1.1 (`application/feed+json`; `application/json` if that is all you \
            accept), newest change first, with the same filters as `GET /api/v1/resources` (by relevance with `q`; \
            oldest change first with `modifiedSince`). `next_url` links the next page (JSON Feed 1.1 has no link to the \
            previous page; the Atom feed's `<link rel="previous">` is one). Each item carries the full \
            resource in `_kindred`.

            Public, for any site: CORS allows every origin (without credentials). Send `If-None-Match` or \
            `If-Modified-Since` for 304. An `X-Api-Key` with `feeds:read` is optional and only raises the rate \
            limit; use it from servers, never from web pages.""")
    @APIResponse(responseCode = "200", description = "A page of the feed", headers = {
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Last-Modified", description = "When anything public in the library last changed", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "e.g. `public, max-age=300`", schema = @Schema(type = SchemaType.STRING))}, content = @Content(mediaType = JSON_FEED, schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy is current")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED, description = "An unknown or revoked API key")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "An API key without `feeds:read`")
    public Response jsonFeed(@BeanParam @Valid PublicFilterParams page, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        boolean acceptsFeed = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.valueOf(JSON_FEED)));
        String type = acceptsFeed ? JSON_FEED : MediaType.APPLICATION_JSON;
        PublicSnapshot library = catalogue.publicSnapshot();
        RenderedFeeds.Rendered rendered = renderedFeeds.page(type + " " + uri.getRequestUri(), library.fingerprint(),
                () -> jsonFeedBody(page, uri));
        return respond(rendered, type, library.lastChange(), headers);
    }

    private byte[] jsonFeedBody(PublicFilterParams page, UriInfo uri) {
        ResourceFilter filter = page.filter();
        Page<ResourceResponse> resources = catalogue.feed(filter, page.page());
        List<JsonFeed.Item> items = new ArrayList<>();
        for (ResourceResponse r : resources.items()) {
            List<String> tags = new ArrayList<>();
            tags.add(r.type().name());
            r.bases().forEach(b -> tags.add(b.name()));
            r.topics().forEach(t -> tags.add(t.name()));
            items.add(new JsonFeed.Item(r.id().toString(), r.url(), r.title(), r.summary(), r.createdAt(),
                    r.updatedAt(), tags, r.languages().isEmpty() ? null : r.languages().get(0),
                    List.of(new JsonFeed.Author(r.organization().name(), r.organization().url())), r));
        }
        JsonFeed feed = new JsonFeed(JsonFeed.VERSION, config.feedTitle(), withoutCursor(uri), DESCRIPTION,
                link(uri, resources.nextCursor()), items);
        try {
            return json.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/resources.atom")
    @Produces({ATOM, MediaType.APPLICATION_XML})
    @AcceptsPartnerKey(scopes = PartnerScopes.FEEDS_READ)
    @SecurityRequirementsSet
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "getAtomFeed", summary = "Resources as an Atom feed", description = """
            Published resources as an Atom feed (RFC 4287), with the same filters, order and paging as the JSON Feed; \
            `<link rel="next">` links the next page and `<link rel="previous">` the previous one (RFC 5005; the same \
            pages as `prevCursor` in the JSON list). Entries are `urn:uuid:<resource id>`, link to the \
            resource's page, summarise it, name the providing organisation as author, and carry its type, grounds, \
            topics and countries as categories (schemes `urn:kindred:resource:type`, `...:basis`, `...:topic`, \
            `...:country`). Caching and CORS as for the JSON Feed.""")
    @APIResponse(responseCode = "200", description = "A page of the feed", headers = {
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "e.g. `public, max-age=300`", schema = @Schema(type = SchemaType.STRING))}, content = @Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING, description = "An Atom 1.0 feed document"), examples = @ExampleObject(name = "feed", value = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom">
                      <title>Kindred resource library</title>
                      <link rel="self" type="application/atom+xml" href="https://api.example.org/api/v1/feeds/resources.atom?country=GB" />
                      <id>https://api.example.org/api/v1/feeds/resources.atom?country=GB</id>
                      <updated>2026-11-23T18:00:00Z</updated>
                      <author><name>Kindred resource library</name></author>
                      <entry>
                        <title>Samaritans</title>
                        <link rel="alternate" href="https://www.samaritans.org/" />
                        <category term="CRISIS_LINE" scheme="urn:kindred:resource:type" />
                        <author><name>Samaritans</name><uri>https://www.samaritans.org/</uri></author>
                        <id>urn:uuid:3f8a2c1e-6b1d-4c52-9e3a-0c1b2d3e4f50</id>
                        <updated>2026-11-23T18:00:00Z</updated>
                        <published>2026-11-23T18:00:00Z</published>
                        <summary>Free, confidential emotional support by phone, any time.</summary>
                      </entry>
                    </feed>""")))
    @APIResponse(responseCode = "304", description = "Not modified: your copy is current")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED, description = "An unknown or revoked API key")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "An API key without `feeds:read`")
    public Response atomFeed(@BeanParam @Valid PublicFilterParams page, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        boolean acceptsAtom = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.valueOf(ATOM)));
        String type = acceptsAtom ? ATOM : MediaType.APPLICATION_XML;
        PublicSnapshot library = catalogue.publicSnapshot();
        RenderedFeeds.Rendered rendered = renderedFeeds.page(type + " " + uri.getRequestUri(), library.fingerprint(),
                () -> {
                    Page<ResourceResponse> resources = catalogue.feed(page.filter(), page.page());
                    Instant updated = library.lastChange();
                    return atom.write(config.feedTitle(), withoutCursor(uri), uri.getRequestUri().toString(),
                            link(uri, resources.nextCursor()), link(uri, resources.prevCursor()),
                            updated == null ? clock.instant() : updated, resources.items())
                            .getBytes(StandardCharsets.UTF_8);
                });
        return respond(rendered, type, library.lastChange(), headers);
    }

    /** 304 when the client's copy is current (decided before anything is read or rendered when the page is kept). */
    private Response respond(RenderedFeeds.Rendered rendered, String type, Instant lastModified,
            HttpHeaders headers) {
        String etag = rendered.etag();
        String cacheControl = reads.publicCacheControl();
        Response.ResponseBuilder builder;
        if (PublicReads.notModified(headers, etag, lastModified)) {
            builder = Response.notModified();
        } else {
            builder = Response.ok(rendered.body(), type + (type.endsWith("xml") ? ";charset=UTF-8" : ""));
        }
        // The media type follows Accept (feed+json or plain json; atom+xml or xml), so caches must key on it.
        builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (lastModified != null) {
            builder.header(HttpHeaders.LAST_MODIFIED, ConditionalGet.httpDate(lastModified));
        }
        return builder.build();
    }

    private static String withoutCursor(UriInfo uri) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor").build().toString();
    }

    /** This feed page's URL with another cursor; null without one. */
    private static String link(UriInfo uri, String cursor) {
        if (cursor == null) {
            return null;
        }
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build();
        return next.toString();
    }
}

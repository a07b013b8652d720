package org.kindred.library;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.web.ConditionalGet;

/**
 * Responses of public library reads: an ETag, {@code Cache-Control: public, max-age=...} (or {@code no-store} when
 * the answer contains something only the caller may see), and 304 Not Modified when the client's copy is current.
 */
@ApplicationScoped
public class PublicReads {

    private final LibraryConfig config;
    private final ResourceETags etags;

    public PublicReads(LibraryConfig config, ResourceETags etags) {
        this.config = config;
        this.etags = etags;
    }

    public <T> RestResponse<T> ok(T body, String etag, boolean isPublic, HttpHeaders request) {
        return respond(body, etag, isPublic, request, b -> {
        });
    }

    public <T> RestResponse<Page<T>> page(Page<T> page, boolean isPublic, HttpHeaders request, UriInfo uri) {
        return respond(page, etags.of(page), isPublic, request, builder -> {
            String links = PageResponses.links(page, uri);
            if (links != null) {
                builder.header("Link", links);
            }
        });
    }

    /** The Cache-Control value of public reads. */
    public String publicCacheControl() {
        return "public, max-age=" + config.publicMaxAge().toSeconds();
    }

    /** Whether a client's copy with this ETag (and Last-Modified, for feeds) is still current. */
    public static boolean notModified(HttpHeaders request, String etag, Instant lastModified) {
        return ConditionalGet.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, lastModified);
    }

    private <T> RestResponse<T> respond(T body, String etag, boolean isPublic, HttpHeaders request,
            Consumer<RestResponse.ResponseBuilder<T>> extra) {
        String cacheControl = isPublic ? publicCacheControl() : "no-store";
        if (isPublic && notModified(request, etag, null)) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        RestResponse.ResponseBuilder<T> builder = RestResponse.ResponseBuilder.ok(body)
                .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        extra.accept(builder);
        return builder.build();
    }
}

package org.kindred.platform.web;

/** A response body with the ETag of the version it shows. */
public record Versioned<T>(T body, String etag) {

    public static <T> Versioned<T> of(T body, long version) {
        return new Versioned<>(body, ETags.of(version));
    }

    /** 200 with this body and its ETag. */
    public org.jboss.resteasy.reactive.RestResponse<T> ok() {
        return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(body).header("ETag", etag).build();
    }
}

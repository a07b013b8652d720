package org.kindred.platform.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Privacy by default: API responses that do not choose their own caching are {@code Cache-Control: no-store}. */
public class CacheControlFilter {

    @ServerResponseFilter
    public void noStoreByDefault(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}

package org.kindred.platform.web;

/**
 * A route that takes a request body larger than the API's 64 KiB (a file upload). A feature declares one as a bean;
 * {@link HttpEdge} refuses a body over its limit by Content-Length before reading it, and the feature enforces the
 * limit itself while reading a chunked body. {@code quarkus.http.limits.max-body-size} must be at least the largest.
 */
public interface LargeBodyRoute {

    boolean matches(String method, String path);

    long maxBytes();
}

package org.kindred.platform.error;

/** 404: the thing does not exist or the caller may not know that it exists. */
public class NotFoundException extends ApiException {
    public NotFoundException(String detail) {
        super(404, "not-found", "Not found", detail);
    }
}

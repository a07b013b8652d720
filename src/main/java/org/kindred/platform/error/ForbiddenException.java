package org.kindred.platform.error;

/** 403: the caller is known and may see the thing, but may not do this. */
public class ForbiddenException extends ApiException {
    public ForbiddenException(String detail) {
        super(403, "forbidden", "Not allowed", detail);
    }

    public ForbiddenException(String kind, String title, String detail) {
        super(403, kind, title, detail);
    }
}

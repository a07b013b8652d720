package org.kindred.platform.error;

/** 412: the If-Match ETag does not match the current version. */
public class PreconditionFailedException extends ApiException {
    public PreconditionFailedException() {
        super(412, "precondition-failed", "Precondition failed",
                "The resource has changed since you read it; fetch it again and retry with the new ETag");
    }
}

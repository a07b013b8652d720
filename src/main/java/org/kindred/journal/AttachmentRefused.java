package org.kindred.journal;

import java.util.Map;

import org.kindred.platform.error.ApiException;

/** The refusals only attachments have: a file too large (413) or of a kind the journal does not keep (415). */
final class AttachmentRefused extends ApiException {

    private AttachmentRefused(int status, String kind, String title, String detail, Map<String, Object> extensions) {
        super(status, kind, title, detail, null, extensions, null);
    }

    static AttachmentRefused tooLarge(long maxBytes) {
        return new AttachmentRefused(413, "payload-too-large", "Payload too large",
                "An attachment is at most " + (maxBytes / (1024 * 1024)) + " MiB", Map.of("maxBytes", maxBytes));
    }

    static AttachmentRefused unsupported() {
        return new AttachmentRefused(415, "unsupported-media-type", "Unsupported media type",
                "The file is not a JPEG, PNG or WebP image, a PDF or plain UTF-8 text (judged by its content, "
                        + "not its name)",
                null);
    }
}

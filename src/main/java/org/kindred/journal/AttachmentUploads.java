package org.kindred.journal;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.web.LargeBodyRoute;

/** The attachment upload takes files up to 10 MiB, not the API's 64 KiB. */
@ApplicationScoped
public class AttachmentUploads implements LargeBodyRoute {

    private static final Pattern UPLOAD = Pattern.compile("^/api/v1/me/journal/entries/[^/]+/attachments/?$");

    @Override
    public boolean matches(String method, String path) {
        return "POST".equals(method) && UPLOAD.matcher(path).matches();
    }

    @Override
    public long maxBytes() {
        return AttachmentService.MAX_BYTES;
    }
}

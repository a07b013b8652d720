package org.kindred.library;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.web.ETags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ETags of library representations, from their JSON bytes: a resource's representation also changes without an edit
 * (it turns {@code stale}), so its version number alone would not do.
 */
@ApplicationScoped
public class ResourceETags {

    private final ObjectMapper json;

    public ResourceETags(ObjectMapper json) {
        this.json = json;
    }

    public String of(Object representation) {
        try {
            return ETags.ofContent(json.writeValueAsBytes(representation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.kindred.library;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.kindred.library.events.ResourcePublished;

/** Tests only: records the id of every {@link ResourcePublished} event, in the order they were fired. */
@ApplicationScoped
public class PublishedResources {

    private final List<UUID> ids = new CopyOnWriteArrayList<>();

    void on(@Observes ResourcePublished event) {
        ids.add(event.resourceId());
    }

    /** How often the resource was announced as published. */
    public long times(UUID resourceId) {
        return ids.stream().filter(resourceId::equals).count();
    }

    public long times(String resourceId) {
        return times(UUID.fromString(resourceId));
    }
}

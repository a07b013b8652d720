package org.kindred.library;

import java.time.Duration;

import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kindred.library.*}: curation and public caching of the resource library. */
@ConfigMapping(prefix = "kindred.library")
public interface LibraryConfig {

    /** A published resource not verified for this long is flagged {@code stale} and listed for curators. */
    @WithDefault("P365D")
    Duration staleAfter();

    /** {@code Cache-Control: public, max-age=...} of public reads: resources, crisis lines and feeds. */
    @WithDefault("PT5M")
    Duration publicMaxAge();

    /** Title of the JSON Feed and Atom feeds (the OpenAPI document promises at most 200 characters). */
    @WithDefault("Kindred resource library")
    @Size(min = 1, max = 200)
    String feedTitle();
}

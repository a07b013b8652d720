package org.kindred.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kindred.seeds.*}: loading the curated resources of {@code seeds/resources.yaml}. */
@ConfigMapping(prefix = "kindred.seeds")
public interface SeedConfig {

    /** Load the seed files when the application starts (true in dev and test; a one-shot job in production). */
    @WithDefault("false")
    boolean loadAtStartup();

    /** Stop the application once the seeds are loaded, with exit code 0 (or 1 when loading failed): a one-shot job. */
    @WithDefault("false")
    boolean exitAfterLoad();
}

package org.kindred.moderation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kindred.moderation.*} */
@ConfigMapping(prefix = "kindred.moderation")
public interface ModerationConfig {

    /** A post reported by this many distinct members is hidden until a moderator reviews it. */
    @WithDefault("3")
    int autoHideReports();
}

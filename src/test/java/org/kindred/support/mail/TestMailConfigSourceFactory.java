package org.kindred.support.mail;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/** Points the test profile's mailer at the {@link TestMailServer} of this JVM. */
public class TestMailConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("test")) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(
                Map.of("quarkus.mailer.port", Integer.toString(TestMailServer.port())), "test-mail-server", 150));
    }
}

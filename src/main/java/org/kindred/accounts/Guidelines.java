package org.kindred.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kindred.accounts.api.GuidelinesResponse;

/** The current community guidelines, from {@code guidelines/v<version>.md} on the class path. */
@ApplicationScoped
public class Guidelines {

    private final int version;
    private final String text;

    public Guidelines(@ConfigProperty(name = "kindred.guidelines.version", defaultValue = "1") int version) {
        this.version = version;
        String path = "guidelines/v" + version + ".md";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing community guidelines " + path);
            }
            this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int currentVersion() {
        return version;
    }

    public GuidelinesResponse current() {
        return new GuidelinesResponse(version, text);
    }
}

package org.kindred.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kindred.accounts.api.GuidelinesResponse;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.security.CurrentUser;

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

    /**
     * 409 {@code guidelines-outdated} unless the caller accepted the current version: after the guidelines change,
     * members accept them again (POST /api/v1/me/guidelines-acceptance) before they post.
     */
    public void requireAccepted(CurrentUser user) {
        if (user.acceptedGuidelinesVersion().orElse(version) < version) {
            throw outdated("The community guidelines changed: read version " + version
                    + " at GET /api/v1/guidelines and accept it with POST /api/v1/me/guidelines-acceptance before posting");
        }
    }

    ConflictException outdated(String detail) {
        return new ConflictException("guidelines-outdated", "Guidelines version is not current", detail, null,
                java.util.Map.of("currentGuidelinesVersion", version));
    }

    public GuidelinesResponse current() {
        return new GuidelinesResponse(version, text);
    }
}

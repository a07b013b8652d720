package org.kindred.platform.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ExecutionMode;

class EmbeddedPostgresConfigSourceFactoryTest {

    @Test
    void prodWithoutUrlRefusesToStartButTheBuildDoesNot() {
        assertTrue(
                EmbeddedPostgresConfigSourceFactory.refusesToStart(List.of("prod"), false, ExecutionMode.RUNTIME_INIT));
        assertFalse(EmbeddedPostgresConfigSourceFactory.refusesToStart(List.of("prod"), false, ExecutionMode.UNSET),
                "the build runs with the prod profile and no URL; it must not stop");
        assertFalse(
                EmbeddedPostgresConfigSourceFactory.refusesToStart(List.of("prod"), true, ExecutionMode.RUNTIME_INIT));
        assertFalse(
                EmbeddedPostgresConfigSourceFactory.refusesToStart(List.of("dev"), false, ExecutionMode.RUNTIME_INIT));
        assertFalse(
                EmbeddedPostgresConfigSourceFactory.refusesToStart(List.of("test"), false, ExecutionMode.RUNTIME_INIT));
        assertTrue(EmbeddedPostgresConfigSourceFactory.MISSING_URL_MESSAGE.contains("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(EmbeddedPostgresConfigSourceFactory.MISSING_URL_MESSAGE.contains("\n"));
    }
}

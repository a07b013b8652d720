package org.kindred.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmark and the fault suite run the packaged application on the prod profile, which refuses to start without
 * its required settings. Every setting the README's configuration table marks "required in prod" must be set by both
 * harnesses; otherwise a new required key silently breaks them until someone next runs them (as the journal and
 * evidence keys once did).
 */
class HarnessSettingsTest {

    private static final Pattern REQUIRED = Pattern.compile("^\\| `([A-Z0-9_]+)` \\|[^|]*\\*\\*required in prod\\*\\*",
            Pattern.MULTILINE);

    @Test
    void bothHarnessesSetEverySettingProdRequires() throws IOException {
        List<String> required = new ArrayList<>();
        Matcher m = REQUIRED.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            required.add(m.group(1));
        }
        assertTrue(required.size() >= 5,
                "the README's configuration table lists the settings prod requires: " + required);
        List<String> missing = new ArrayList<>();
        for (Path harness : List.of(Path.of("src/faults/java/org/kindred/faults/FaultSuite.java"),
                Path.of("src/bench/java/org/kindred/bench/ApiServer.java"))) {
            String source = Files.readString(harness);
            for (String name : required) {
                if (!source.contains("env.put(\"" + name + "\"")) {
                    missing.add(harness.getFileName() + " does not set " + name);
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}

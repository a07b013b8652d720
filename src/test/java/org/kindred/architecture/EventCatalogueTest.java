package org.kindred.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kindred.platform.events.DomainEvent;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The README's event catalogue is the list of everything the system can react to: it must name every domain event,
 * and every domain event must be a record in its owning feature's {@code events} package.
 */
class EventCatalogueTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kindred");

    @Test
    void everyEventIsARecordInAnEventsPackage() {
        classes().that().implement(DomainEvent.class).should().beRecords().andShould()
                .resideInAPackage("org.kindred.*.events").check(MAIN);
    }

    @Test
    void theReadmeCataloguesEveryEvent() throws IOException {
        List<String> events = MAIN.stream().filter(c -> c.isAssignableTo(DomainEvent.class) && !c.isInterface())
                .map(JavaClass::getSimpleName).sorted().toList();
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Event catalogue");
        String section = readme.substring(start, readme.indexOf("\n### ", start + 1));
        Matcher row = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE).matcher(section);
        List<String> catalogued = row.results().map(m -> m.group(1)).sorted().toList();
        assertEquals(events, catalogued, "README 'Event catalogue' rows (| `Event` | ...) vs DomainEvent records");
    }
}

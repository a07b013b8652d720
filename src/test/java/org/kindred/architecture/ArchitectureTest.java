package org.kindred.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Keeps the feature stack honest, for the whole tree, with no allow-list. The features, lowest first:
 *
 * <pre>
 * platform → accounts → groups → library → pathways → safety → posts → moderation → privacy
 * </pre>
 *
 * A feature may use any feature below it and never one above; when a lower feature's change matters to a higher one,
 * it fires a domain event ({@code org.kindred.platform.events}) and the higher feature observes it.
 */
class ArchitectureTest {

    /** The declared order, lowest first. A new feature is added here, above everything it uses. */
    static final List<String> FEATURES = List.of("platform", "accounts", "groups", "library", "pathways", "safety",
            "posts", "moderation", "privacy", "notifications", "webhooks", "journal", "push");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kindred");
    }

    @Test
    void everyFeaturePackageIsDeclared() {
        ArchRule rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should(new ArchCondition<JavaClass>("reside in a declared feature " + FEATURES) {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String feature = featureOf(item);
                        if (!FEATURES.contains(feature)) {
                            events.add(SimpleConditionEvent.violated(item,
                                    item.getName() + " is in undeclared feature '" + feature + "'"));
                        }
                    }
                });
        rule.check(classes);
    }

    @Test
    void aLowerFeatureNeverUsesAHigherOne() {
        for (int i = 0; i < FEATURES.size() - 1; i++) {
            String[] higher = FEATURES.subList(i + 1, FEATURES.size()).stream().map(f -> "org.kindred." + f + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("org.kindred." + FEATURES.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(higher)
                    .because(FEATURES.get(i) + " sits below " + Arrays.toString(higher)
                            + ": fire a domain event instead of calling up the stack")
                    .check(classes);
        }
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.kindred.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void resourcesNeverTouchEntitiesOrRepositories() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .because("resources speak HTTP and records; services own entities and queries")
                .check(classes);
    }

    @Test
    void noFeatureTouchesAnotherFeaturesRepository() {
        for (String feature : FEATURES) {
            String own = "org.kindred." + feature + "..";
            noClasses().that().resideOutsideOfPackage(own)
                    .should().dependOnClassesThat(repositoriesIn(own))
                    .because("a feature is called through its services, never its repositories")
                    .check(classes);
        }
    }

    private static DescribedPredicate<JavaClass> repositoriesIn(String packagePattern) {
        return DescribedPredicate.describe("repositories in " + packagePattern,
                c -> c.isAssignableTo(PanacheRepositoryBase.class) && c.getPackage().getName()
                        .startsWith(packagePattern.replace("..", "")));
    }

    private static String featureOf(JavaClass c) {
        String rest = c.getPackageName().substring("org.kindred.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}

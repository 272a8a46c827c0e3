package dev.firebreak.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package-by-feature rules of docs/architecture.md, checked on the compiled main classes: no cycles between
 * feature packages, {@code incident} and {@code system} import no feature, a feature's subpackages are its own
 * internals (others use its root package), the {@code Alert} entity stays inside {@code alerting}, and only
 * {@code IncidentManagement} changes an incident.
 */
class ModuleBoundariesTest {

    static final String ROOT = "dev.firebreak";
    static final List<String> FEATURES =
            List.of("incident", "alerting", "timeline", "slack", "paging", "postmortem", "runbook", "watchdog", "web");

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
        assertThat(classes.contain(ROOT + ".incident.IncidentManagement"))
                .as("main classes were imported")
                .isTrue();
    }

    @Test
    void featurePackagesHaveNoCycles() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void onlyIncidentManagementChangesAnIncident() {
        // The entity's mutators (moveTo, assign, recordAlertFacts, ...) are package-private; within the package
        // too, only IncidentManagement calls them (it locks the row and publishes the event).
        assertThat(classes.get(Incident.class).getMethods())
                .as("the rule has methods to check")
                .anyMatch(m -> m.getName().equals("recordAlertFacts")
                        && !m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC));
        check(methods()
                .that()
                .areDeclaredIn(Incident.class)
                .and()
                .areNotPublic()
                .and()
                .areNotPrivate()
                .should()
                .onlyBeCalled()
                .byClassesThat()
                .belongToAnyOf(IncidentManagement.class, Incident.class));
    }

    @Test
    void incidentImportsNoFeature() {
        check(noClasses()
                .that()
                .resideInAPackage(ROOT + ".incident..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features("incident")));
    }

    @Test
    void systemImportsNoFeature() {
        check(noClasses()
                .that()
                .resideInAPackage(ROOT + ".system..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features()));
    }

    /** The web console sits on top: it uses other features' root APIs, and nothing depends on it. */
    @Test
    void nothingImportsTheWebConsole() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".web.."));
    }

    @Test
    void aFeaturesSubpackagesAreItsInternals() {
        for (String feature : FEATURES) {
            String base = ROOT + "." + feature;
            DescribedPredicate<JavaClass> internal = DescribedPredicate.describe(
                    "internals of " + base, c -> c.getPackageName().startsWith(base + "."));
            check(noClasses()
                    .that()
                    .resideOutsideOfPackage(base + "..")
                    .should()
                    .dependOnClassesThat(internal));
        }
    }

    @Test
    void theAlertEntityStaysInsideAlerting() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".alerting..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".alerting.Alert")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".alerting.Alerts"));
    }

    /** Other modules call Slack only through {@code SlackApi.call} (its lambdas get the methods client). */
    @Test
    void onlyTheSlackModuleTalksToSlacksWebApi() {
        String[] others = List.of(features("slack")).toArray(String[]::new);
        check(noClasses()
                .that()
                .resideInAnyPackage(others)
                .or()
                .resideInAPackage(ROOT + ".system..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.slack.api.Slack")
                .orShould()
                .callMethod(dev.firebreak.slack.SlackApi.class, "boltClient")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("okhttp3.."));
    }

    private static String[] features(String... except) {
        return FEATURES.stream()
                .filter(f -> !List.of(except).contains(f))
                .map(f -> ROOT + "." + f + "..")
                .toArray(String[]::new);
    }

    private static void check(ArchRule rule) {
        EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
        assertThat(result.getFailureReport().getDetails())
                .as(rule.getDescription())
                .isEmpty();
    }
}

package dev.firebreak.runbook;

import dev.firebreak.runbooks.Finding;
import dev.firebreak.runbooks.Masker;
import dev.firebreak.runbooks.RunbookCatalog;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepTypes;
import dev.firebreak.runbooks.steps.http.GuardedHttpTransport;
import dev.firebreak.runbooks.steps.http.HttpPolicy;
import dev.firebreak.runbooks.steps.http.HttpTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runbooks module wired with this process's configuration: the catalog ({@code firebreak.runbooks.path} plus the
 * built-in library), the step types, the masker (configured secrets), the HTTP policy, Prometheus and Kubernetes.
 */
@Configuration(proxyBeanMethods = false)
class RunbookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunbookConfiguration.class);

    @Bean
    StepTypes runbookStepTypes() {
        return StepTypes.standard();
    }

    @Bean
    Masker runbookMasker(RunbookSettings settings) {
        return new Masker(settings.secrets().values());
    }

    @Bean
    RunbookCatalog runbookCatalog(RunbookSettings settings, StepTypes types, BuiltInLibrary library) {
        List<Path> folders = new ArrayList<>();
        if (settings.library()) {
            library.folder().ifPresent(folders::add);
        }
        settings.folders().forEach(f -> folders.add(Path.of(f)));
        RunbookCatalog catalog = RunbookCatalog.load(folders, types);
        for (Finding f : catalog.findings()) {
            log.warn("Runbook not loaded: {}", f);
        }
        log.info("Loaded {} runbooks from {}", catalog.runbooks().size(), folders);
        return catalog;
    }

    @Bean
    HttpPolicy runbookHttpPolicy(RunbookSettings settings) {
        return new HttpPolicy(
                Set.copyOf(settings.http().allowedHosts()),
                settings.http().allowedNetworks(),
                settings.http().maxResponse().toBytes(),
                Duration.ofSeconds(10));
    }

    @Bean
    StepEnvironment runbookStepEnvironment(
            KubernetesClients kubernetes,
            PrometheusSettings prometheus,
            HttpPolicy policy,
            Masker masker,
            Clock clock) {
        URI prometheusUrl =
                prometheus.url() == null || prometheus.url().isBlank() ? null : URI.create(prometheus.url());
        return new StepEnvironment(kubernetes::client, prometheusUrl, transport(policy), clock, false, null, masker);
    }

    static HttpTransport transport(HttpPolicy policy) {
        return new GuardedHttpTransport(policy);
    }
}

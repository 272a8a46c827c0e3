package dev.firebreak.replay;

import dev.firebreak.alerting.AlertmanagerSettings;
import dev.firebreak.alerting.AutoResolveSettings;
import dev.firebreak.incident.DrillSettings;
import dev.firebreak.paging.PagerDutySettings;
import dev.firebreak.paging.PagingRoutes;
import dev.firebreak.runbook.BuiltInLibrary;
import dev.firebreak.runbook.RunbookSettings;
import dev.firebreak.runbooks.RunbookCatalog;
import dev.firebreak.runbooks.steps.StepTypes;
import dev.firebreak.slack.SlackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * A bot configuration for the offline replay, read without starting Spring: the given {@code application.yml} over
 * the bot's own defaults (the {@code application.yml} in the jar), bound to the same {@code *Settings} records the
 * running bot uses, with the same relaxed names and defaults. {@code ${...}} placeholders resolve from the
 * environment; environment variables do not otherwise override the file (so two files compare as written).
 */
record ReplayConfig(
        String name,
        AlertmanagerSettings alertmanager,
        AutoResolveSettings autoResolve,
        PagerDutySettings pagerDuty,
        SlackSettings slack,
        DrillSettings drills,
        RunbookSettings runbooks,
        RunbookCatalog catalog,
        dev.firebreak.alerting.StormSettings storm) {

    PagingRoutes routes() {
        return PagingRoutes.of(pagerDuty);
    }

    static ReplayConfig load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("Cannot read the configuration " + file);
        }
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> s : yaml.load("replay-config:" + file, new FileSystemResource(file))) {
            sources.addLast(s);
        }
        ClassPathResource defaults = new ClassPathResource("application.yml");
        if (defaults.exists()) {
            for (PropertySource<?> s : yaml.load("bot-defaults", defaults)) {
                sources.addLast(s);
            }
        }
        StandardEnvironment env = new StandardEnvironment();
        sources.forEach(s -> env.getPropertySources().addLast(s));
        Binder binder =
                new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(env));
        RunbookSettings runbooks = binder.bindOrCreate("firebreak.runbooks", RunbookSettings.class);
        return new ReplayConfig(
                file.toString(),
                binder.bindOrCreate("firebreak.alertmanager", AlertmanagerSettings.class),
                binder.bindOrCreate("firebreak.incidents", AutoResolveSettings.class),
                binder.bindOrCreate("firebreak.pagerduty", PagerDutySettings.class),
                binder.bindOrCreate("firebreak.slack", SlackSettings.class),
                binder.bindOrCreate("firebreak.drills", DrillSettings.class),
                runbooks,
                catalog(runbooks, file.toAbsolutePath().getParent()),
                StormRules.bind(binder));
    }

    /** The runbooks the bot would load: the built-in library and {@code firebreak.runbooks.path} (relative to the file). */
    private static RunbookCatalog catalog(RunbookSettings settings, Path base) {
        List<Path> folders = new ArrayList<>();
        if (settings.library()) {
            new BuiltInLibrary().folder().ifPresent(folders::add);
        }
        for (String f : settings.folders()) {
            Path p = Path.of(f);
            folders.add(p.isAbsolute() || base == null || Files.exists(p) ? p : base.resolve(p));
        }
        return RunbookCatalog.load(folders, StepTypes.standard());
    }
}

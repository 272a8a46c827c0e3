package dev.firebreak.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.runbooks.*}: where runbooks are, what they may reach, their secrets, and the engine.
 *
 * @param path         comma-separated folders of runbook files, loaded in addition to the built-in library
 * @param library      load the built-in catalog ({@code runbooks/library} in the jar)
 * @param http         {@code http.allowed-hosts}: the only hosts {@code http.request} steps may call
 * @param secrets      {@code secrets.<name>}: values bound to {@code {{ secret('name') }}}; masked in every output
 * @param engine       run runbooks in this process (a replica can leave it to others)
 * @param pollInterval how often the engine looks for due runs when nothing woke it
 * @param concurrency  runs advanced at once by this process
 * @param lease        how long a claim on a run lasts beyond the current step's timeout
 * @param stepTimeout  a step's timeout when the runbook gives none
 * @param runTimeout   a run's overall timeout when the runbook gives none
 */
@ConfigurationProperties("firebreak.runbooks")
public record RunbookSettings(
        @DefaultValue("") String path,
        @DefaultValue("true") boolean library,
        @DefaultValue Http http,
        Map<String, String> secrets,
        @DefaultValue("true") boolean engine,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("4") int concurrency,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("5m") Duration stepTimeout,
        @DefaultValue("1h") Duration runTimeout) {

    public RunbookSettings {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "RunbookSettings[path=" + path + ", library=" + library + ", http=" + http + ", secrets="
                + secrets.keySet() + " (values hidden), engine=" + engine + "]";
    }

    /** The configured folders, trimmed, without blanks. */
    public List<String> folders() {
        return path == null
                ? List.of()
                : java.util.Arrays.stream(path.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /**
     * @param allowedHosts    host names {@code http.request} may call ({@code *.example.com} for subdomains)
     * @param allowedNetworks CIDRs of private/loopback addresses that allowed hosts may resolve to (refused otherwise)
     * @param maxResponse     response bodies are cut at this size
     */
    public record Http(
            @DefaultValue("") List<String> allowedHosts,
            @DefaultValue("") List<String> allowedNetworks,
            @DefaultValue("256KB") org.springframework.util.unit.DataSize maxResponse) {}
}

package dev.firebreak.incident;

import dev.firebreak.system.security.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.drills.*}: game days played from captures against the running bot (issue 14). Drill incidents are
 * numbered {@code DRILL-<n>}, get channels named {@code <channel-prefix>-<n>-...}, never page real people and run
 * runbooks in dry-run.
 *
 * @param path          folder of captures that {@code /incident drill start <name>} may play (empty: none)
 * @param channelPrefix Slack channel prefix of drill incidents
 * @param routingKey    PagerDuty Events routing key that drill pages go to (a drill service); empty: a drill page
 *                      is only written on the incident's timeline
 * @param runRunbooks   run runbooks of drill incidents for real (default: every start, automatic or by a person, is
 *                      a dry run recorded with the reason "drill incident"; see {@code RunbookRuns})
 * @param maxSpeed      the largest time compression a drill may ask for
 */
@ConfigurationProperties("firebreak.drills")
public record DrillSettings(
        @DefaultValue("") String path,
        @DefaultValue("drill") String channelPrefix,
        String routingKey,
        @DefaultValue("false") boolean runRunbooks,
        @DefaultValue("1000") double maxSpeed) {

    public static DrillSettings defaults() {
        return new DrillSettings("", "drill", null, false, 1000);
    }

    public boolean hasRoutingKey() {
        return routingKey != null && !routingKey.isBlank();
    }

    /** The routing key never shows. */
    @Override
    public String toString() {
        return "DrillSettings[path=" + path + ", channelPrefix=" + channelPrefix + ", routingKey="
                + Secrets.redact(routingKey) + ", runRunbooks=" + runRunbooks + ", maxSpeed=" + maxSpeed + "]";
    }
}

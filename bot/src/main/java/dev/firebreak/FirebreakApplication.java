package dev.firebreak;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FirebreakApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "runbook".equals(args[0])) {
            // runbook lint|test: plain Java, no web server, no database.
            System.exit(dev.firebreak.runbooks.cli.RunbookCli.run(args, System.out, System.err));
        }
        if (args.length > 0 && "replay".equals(args[0])) {
            // replay <capture> --config <application.yml>: the offline what-if, no web server, no database.
            System.exit(dev.firebreak.replay.ReplayCli.run(args, System.out, System.err));
        }
        SpringApplication.run(FirebreakApplication.class, args);
    }
}

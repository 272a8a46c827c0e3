package dev.firebreak.system.health;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up on PostgreSQL, warns when {@code firebreak.replicas} x the pool size would exceed the server's
 * {@code max_connections} (minus the connections reserved for superusers): at 20 per instance, five replicas
 * exhausted PostgreSQL's default of 100 and the last ones could not connect at all.
 */
@Component
class ConnectionBudget {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    private final DataSource dataSource;
    private final int replicas;

    ConnectionBudget(DataSource dataSource, @Value("${firebreak.replicas:1}") int replicas) {
        this.dataSource = dataSource;
        this.replicas = replicas;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (!(dataSource instanceof HikariDataSource hikari)
                || hikari.getJdbcUrl() == null
                || !hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            return;
        }
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            int max = Integer.parseInt(jdbc.queryForObject("SHOW max_connections", String.class));
            int reserved = Integer.parseInt(jdbc.queryForObject("SHOW superuser_reserved_connections", String.class));
            int pool = hikari.getMaximumPoolSize();
            long needed = (long) replicas * pool;
            if (needed > max - reserved) {
                log.warn(
                        "{} replica(s) x a pool of {} connections = {}, more than PostgreSQL allows ({} max_connections, "
                                + "{} reserved): lower spring.datasource.hikari.maximum-pool-size (SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE) "
                                + "or raise max_connections. Set firebreak.replicas to the number of replicas for this check.",
                        replicas,
                        pool,
                        needed,
                        max,
                        reserved);
            } else {
                log.info(
                        "Connection budget: {} replica(s) x {} connections of PostgreSQL's {} (max_connections {}, {} reserved)",
                        replicas,
                        pool,
                        max - reserved,
                        max,
                        reserved);
            }
        } catch (RuntimeException e) {
            log.debug("Could not check the connection budget: {}", e.getMessage());
        }
    }
}

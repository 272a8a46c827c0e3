package dev.firebreak.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code firebreak.recorder.*}: the flight recorder of {@code POST /webhooks/alertmanager}.
 *
 * @param enabled       record every request (off: nothing is recorded, intake is untouched)
 * @param maxAge        recordings older than this are pruned
 * @param maxSize       total size of the recordings (bodies, headers and answers) kept; the oldest go first
 * @param queueCapacity requests waiting to be written; beyond it a recording is dropped (counted in
 *                      {@code firebreak.recorder.dropped}), never the request
 * @param queueBytes    bytes (bodies and answers) waiting to be written, at most: the queue's memory bound
 * @param batchSize     rows written per JDBC batch
 * @param pruneInterval how often the writer prunes by age and size (also after every tenth of max-size written)
 */
@ConfigurationProperties("firebreak.recorder")
public record RecorderSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration maxAge,
        @DefaultValue("256MB") DataSize maxSize,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("64MB") DataSize queueBytes,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1m") Duration pruneInterval) {

    public RecorderSettings {
        queueCapacity = Math.max(1, queueCapacity);
        batchSize = Math.max(1, batchSize);
    }
}

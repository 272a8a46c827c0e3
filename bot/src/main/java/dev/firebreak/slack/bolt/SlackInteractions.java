package dev.firebreak.slack.bolt;

import dev.firebreak.incident.IllegalTransitionException;
import dev.firebreak.incident.IncidentNotFoundException;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.system.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the work of a slash command or button after Bolt has acknowledged it (Slack wants an answer within
 * 3 s), and posts the reply to the interaction's {@code response_url}. Any failure becomes a short
 * ephemeral explanation: never a stack trace, never silence.
 */
@Component
public class SlackInteractions implements DisposableBean {

    /** Work that answers a user. */
    @FunctionalInterface
    public interface Work {
        SlackReply run() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);
    private static final JsonMapper JSON = Json.mapper();

    private final SlackApi slack;
    private final MeterRegistry meters;
    private final ExecutorService executor;

    SlackInteractions(SlackApi slack, MeterRegistry meters) {
        this.slack = slack;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        // Up to 8 interactions run at once (a pool only grows past its core size once the queue is full,
        // so core = max); idle threads go away after a minute.
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(500), r -> {
                    Thread t = new Thread(r, "slack-interaction-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** Runs {@code work} in the background and posts its reply (or an explanation) to {@code responseUrl}. */
    public void submit(String responseUrl, String what, Work work) {
        try {
            executor.execute(() -> reply(responseUrl, runSafely(what, work)));
        } catch (RejectedExecutionException e) {
            log.warn("Slack interaction queue full; refused {}", what);
            reply(responseUrl, SlackReply.ephemeral(":warning: Firebreak is overloaded right now; please try again."));
        }
    }

    /** Runs {@code work} here and turns any failure into a reply. */
    public SlackReply runSafely(String what, Work work) {
        try {
            SlackReply reply = work.run();
            count(what, "ok");
            return reply == null ? SlackReply.none() : reply;
        } catch (Exception e) {
            boolean expected = e instanceof SlackUsageException
                    || e instanceof IllegalTransitionException
                    || e instanceof IncidentNotFoundException
                    || e instanceof IllegalArgumentException;
            count(what, expected ? "refused" : "error");
            return explain(what, e);
        }
    }

    private void count(String what, String outcome) {
        Counter.builder("firebreak.slack.interactions")
                .tag("interaction", what)
                .tag("outcome", outcome)
                .description("Slack commands and actions run, by outcome")
                .register(meters)
                .increment();
    }

    /** The short explanation a user sees for a failure. */
    public static SlackReply explain(String what, Exception e) {
        if (e instanceof SlackUsageException u) {
            return SlackReply.ephemeral(":warning: " + u.getMessage());
        }
        if (e instanceof IllegalTransitionException t) {
            return SlackReply.ephemeral(":warning: " + transitionText(t));
        }
        if (e instanceof IncidentNotFoundException || e instanceof IllegalArgumentException) {
            return SlackReply.ephemeral(":warning: " + e.getMessage());
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Slack interaction '{}' failed (ref {})", what, ref, e);
        return SlackReply.ephemeral(":x: Sorry, that did not work (error ref `" + ref + "`). Nothing was changed"
                + " if Firebreak could not save it; please try again.");
    }

    static String transitionText(IllegalTransitionException t) {
        if (t.from() == t.to()) {
            return "The incident is already " + t.from().name().toLowerCase() + ".";
        }
        return "An incident that is " + t.from().name().toLowerCase() + " cannot be moved to "
                + t.to().name().toLowerCase() + ".";
    }

    /** Posts a reply to a {@code response_url}; nothing for an empty reply or a missing URL. */
    public void reply(String responseUrl, SlackReply reply) {
        if (responseUrl == null || responseUrl.isBlank() || reply == null || reply.text() == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("response_type", reply.inChannel() ? "in_channel" : "ephemeral");
        payload.put("text", reply.text());
        int code = slack.respond(responseUrl, JSON.writeValueAsString(payload));
        if (code >= 300) {
            log.warn("Slack response_url answered HTTP {}", code);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

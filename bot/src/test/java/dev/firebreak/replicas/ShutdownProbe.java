package dev.firebreak.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.replicas.BotProcesses.Bot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Watches a replica that was just sent SIGTERM: readiness and one webhook delivery (a duplicate, so harmless)
 * sampled back to back until the replica stops answering. Kubernetes stops routing to a pod once its readiness
 * fails; a webhook must therefore never be refused (503) before readiness went down.
 */
final class ShutdownProbe implements Callable<List<ShutdownProbe.Sample>> {

    /** Status codes; -1 = no answer (connection refused or reset). */
    record Sample(int readiness, int webhook) {}

    private final Bot bot;
    private final String token;
    private final String body;

    ShutdownProbe(Bot bot, String token, String body) {
        this.bot = bot;
        this.token = token;
        this.body = body;
    }

    @Override
    public List<Sample> call() throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            Sample s = new Sample(
                    status(HttpRequest.newBuilder(URI.create(bot.url("/actuator/health/readiness")))),
                    status(HttpRequest.newBuilder(URI.create(bot.url("/webhooks/alertmanager")))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(body))));
            samples.add(s);
            if (s.readiness() == -1 && s.webhook() == -1 && !bot.process().isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        return samples;
    }

    /** Readiness went down while the replica still served, and no webhook got 503 before that. */
    static void assertNotReadyBefore503(List<Sample> samples) {
        int firstNotReady = -1;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (firstNotReady < 0 && s.readiness() == 503) {
                firstNotReady = i;
            }
            if (s.webhook() == 503) {
                assertThat(firstNotReady)
                        .as("a webhook answered 503 before readiness went down: %s", samples)
                        .isBetween(0, i);
            }
            if (s.webhook() >= 0) {
                assertThat(s.webhook())
                        .as("webhooks answer 200 or, once not ready, 503: %s", samples)
                        .isIn(200, 503);
            }
        }
        assertThat(firstNotReady)
                .as("readiness answered 503 while the replica still served: %s", samples)
                .isGreaterThanOrEqualTo(0);
        assertThat(samples.get(firstNotReady).webhook())
                .as("during the drain delay webhooks still work: %s", samples)
                .isEqualTo(200);
    }

    private static int status(HttpRequest.Builder request) {
        try {
            return BotProcesses.HTTP
                    .send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

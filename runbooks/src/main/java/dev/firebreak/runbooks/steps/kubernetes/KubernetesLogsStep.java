package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubernetes.logs}: the last {@code tail} lines (default 50) of a pod's container, at most {@code limit-bytes}
 * (default 16384, max 262144); {@code previous: true} reads the previous (crashed) container. Outputs {@code text},
 * {@code lines}, {@code truncated}. The text is masked before it is shown.
 */
public final class KubernetesLogsStep extends KubeStep {

    public KubernetesLogsStep() {
        super(
                "kubernetes.logs",
                keys("namespace", "pod"),
                keys("container", "tail", "limit-bytes", "previous"),
                NOT_CHANGING,
                IDEMPOTENT,
                keys("text", "lines", "truncated"));
    }

    static final int MAX_BYTES = 262_144;

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String ns = name(r, "namespace");
        String pod = name(r, "pod");
        int tail = (int) Math.max(1, Math.min(10_000, r.integer("tail", 50)));
        int limit = (int) Math.max(256, Math.min(MAX_BYTES, r.integer("limit-bytes", 16_384)));
        boolean previous = r.bool("previous", false);
        var res = env.kube().pods().inNamespace(ns).withName(pod);
        String container = r.string("container", null);
        String text;
        if (container != null) {
            var c = res.inContainer(container);
            text = previous
                    ? c.terminated().tailingLines(tail).getLog()
                    : c.limitBytes(limit).tailingLines(tail).getLog();
        } else {
            text = previous
                    ? res.terminated().tailingLines(tail).getLog()
                    : res.limitBytes(limit).tailingLines(tail).getLog();
        }
        text = text == null ? "" : text;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean truncated = bytes.length > limit;
        if (truncated) {
            text = new String(bytes, bytes.length - limit, limit, StandardCharsets.UTF_8);
        }
        long lines = text.isEmpty() ? 0 : text.lines().count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", text);
        out.put("lines", lines);
        out.put("truncated", truncated);
        return StepResult.succeeded(
                out,
                lines + " log lines from " + ns + "/" + pod + (container == null ? "" : " [" + container + "]")
                        + (previous ? " (previous container)" : ""));
    }
}

package dev.firebreak.runbooks.steps;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;

/**
 * Executes one step type and turns every failure into a {@link StepResult} with an {@link ErrorKind}; the summary,
 * error and outputs of the result are masked with the environment's {@link dev.firebreak.runbooks.Masker}. The engine
 * enforces the deadline (it interrupts the executing thread); the types also pass it to their clients.
 */
public final class StepRunner {

    private StepRunner() {}

    public static StepResult run(StepType type, StepRequest request, StepEnvironment env) {
        StepResult result;
        try {
            if (request.deadline() != null && !env.clock().instant().isBefore(request.deadline())) {
                result = new StepResult(
                        StepStatus.TIMED_OUT,
                        Map.of(),
                        "deadline passed before the step started",
                        null,
                        null,
                        null,
                        ErrorKind.TIMEOUT,
                        "deadline passed before the step started");
            } else {
                result = type.execute(request, env);
            }
        } catch (StepFailure f) {
            result = f.kind() == ErrorKind.TIMEOUT
                    ? new StepResult(
                            StepStatus.TIMED_OUT, Map.of(), f.getMessage(), null, null, null, f.kind(), f.getMessage())
                    : StepResult.failed(f.kind(), f.getMessage());
        } catch (RuntimeException e) {
            if (interrupted(e)) {
                result = new StepResult(
                        StepStatus.TIMED_OUT,
                        Map.of(),
                        "stopped at its deadline",
                        null,
                        null,
                        null,
                        ErrorKind.TIMEOUT,
                        "stopped at its deadline");
            } else if (e instanceof KubernetesClientException k) {
                result = StepResult.failed(kind(k.getCode()), "Kubernetes: " + kubernetesMessage(k));
            } else {
                result = StepResult.failed(ErrorKind.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return mask(result, env);
    }

    /** The engine stops a step at its deadline by interrupting its thread; clients surface that in many ways. */
    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException
                    || t instanceof java.io.InterruptedIOException && !(t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    static ErrorKind kind(int httpCode) {
        return switch (httpCode) {
            case 404 -> ErrorKind.NOT_FOUND;
            case 409 -> ErrorKind.CONFLICT;
            case 401, 403 -> ErrorKind.FORBIDDEN;
            case 400, 422 -> ErrorKind.INVALID;
            case 408, 504 -> ErrorKind.TIMEOUT;
            default -> httpCode == 0 || httpCode == 429 || httpCode >= 500 ? ErrorKind.TRANSIENT : ErrorKind.ERROR;
        };
    }

    private static String kubernetesMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getCode() + " " + e.getStatus().getMessage();
        }
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }

    private static StepResult mask(StepResult r, StepEnvironment env) {
        var masker = env.masker() == null ? dev.firebreak.runbooks.Masker.tokensOnly() : env.masker();
        PlannedChange planned = r.planned() == null
                ? null
                : new PlannedChange(
                        r.planned().verb(),
                        masker.mask(r.planned().target()),
                        masker.mask(r.planned().body()));
        return new StepResult(
                r.status(),
                masker.maskMap(r.outputs()),
                masker.mask(r.summary()),
                planned,
                r.wakeAt(),
                r.approval(),
                r.errorKind(),
                masker.mask(r.error()));
    }
}

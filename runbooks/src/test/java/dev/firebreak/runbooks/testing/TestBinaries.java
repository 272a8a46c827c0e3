package dev.firebreak.runbooks.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the server binaries that the real-server tests start.
 *
 * <p>Kubernetes binaries ({@code kube-apiserver}, {@code kube-controller-manager}, {@code etcd}) come from the cache
 * that {@code .ci/kube-apiserver} fills: system property {@code firebreak.kube.cache}, else environment variable
 * {@code FIREBREAK_KUBE_CACHE}, else {@code ${XDG_CACHE_HOME:-$HOME/.cache}/firebreak/kubernetes}. Prometheus binaries
 * ({@code prometheus}, {@code promtool}) come from the PATH (Debian package {@code prometheus}).
 *
 * <p>When a binary is missing, a test fails loudly under {@code CI=true} and is skipped (JUnit assumption) otherwise.
 */
public final class TestBinaries {

    private TestBinaries() {}

    /** The folder that {@code .ci/kube-apiserver} fills. */
    public static Path kubernetesCache() {
        String configured = System.getProperty("firebreak.kube.cache");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("FIREBREAK_KUBE_CACHE");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("firebreak").resolve("kubernetes");
    }

    /** A Kubernetes binary from the cache ({@code kube-apiserver}, {@code kube-controller-manager}, {@code etcd}). */
    public static Path kubernetes(String name) {
        Path candidate = kubernetesCache().resolve(name);
        return require(
                Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty(),
                name + " not found in " + kubernetesCache(),
                "run .ci/kube-apiserver (builds it from Debian's kubernetes source package once, about 21 CPU-minutes)");
    }

    /** A Prometheus binary ({@code prometheus}, {@code promtool}) from the PATH. */
    public static Path prometheus(String name) {
        return require(
                onPath(name),
                name + " not found on the PATH",
                "install Debian's prometheus package: apt-get install --no-install-recommends prometheus (or run .ci/setup)");
    }

    static Optional<Path> onPath(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.add("/usr/bin");
        dirs.add("/usr/sbin");
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** CI=true: a missing server is a failure; on a developer machine the test is skipped with the hint. */
    static Path require(Optional<Path> found, String problem, String hint) {
        if (found.isPresent()) {
            return found.get();
        }
        String message = problem + "; " + hint;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: real-server tests must not be skipped)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}

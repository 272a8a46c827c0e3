package dev.firebreak.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's headless Chromium driven through its own chromedriver (Debian {@code chromium} and
 * {@code chromium-driver}, installed by {@code .ci/setup}): both paths are given, so Selenium Manager never runs and
 * nothing is downloaded. Every browser gets a fresh profile. Without Chromium the browser tests are skipped.
 */
final class Chromium {

    private Chromium() {}

    static Optional<Path> find(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static WebDriver start(int width, int height) {
        Optional<Path> browser = find("chromium");
        Optional<Path> driver = find("chromedriver");
        assumeTrue(
                browser.isPresent() && driver.isPresent(),
                "chromium and chromedriver are not installed (apt-get install chromium chromium-driver, see .ci/setup)");
        try {
            Path profile = Files.createTempDirectory("firebreak-chromium-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driver.get().toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser.get().toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height,
                    "--force-prefers-reduced-motion",
                    "--lang=en-US");
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a screenshot as {@code <name>.png} into the folder named by the system property
     * {@code firebreak.screenshots} (docs/screenshots.sh sets it to docs/img); does nothing otherwise.
     */
    static void screenshot(WebDriver driver, String name) {
        String folder = System.getProperty("firebreak.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

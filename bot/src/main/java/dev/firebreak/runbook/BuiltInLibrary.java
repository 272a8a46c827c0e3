package dev.firebreak.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The built-in catalog ({@code runbooks/library} of the repository), packaged in the jar under
 * {@code runbooks/library/}: copied once to a temporary folder so the catalog loads it like any other folder.
 */
@Component
public class BuiltInLibrary {

    private static final Logger log = LoggerFactory.getLogger(BuiltInLibrary.class);
    private static final String PREFIX = "runbooks/library/";

    private Optional<Path> folder;

    /** The extracted catalog folder (also used by the offline replay, without Spring). */
    public synchronized Optional<Path> folder() {
        if (folder == null) {
            folder = extract();
        }
        return folder;
    }

    private Optional<Path> extract() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + PREFIX + "**/*");
            Path dir = Files.createTempDirectory("firebreak-runbooks-");
            dir.toFile().deleteOnExit();
            int n = 0;
            for (Resource r : resources) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf(PREFIX);
                if (at < 0 || url.endsWith("/") || !r.isReadable()) {
                    continue;
                }
                Path target = dir.resolve(url.substring(at + PREFIX.length())).normalize();
                if (!target.startsWith(dir)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                n++;
            }
            return n == 0 ? Optional.empty() : Optional.of(dir);
        } catch (IOException e) {
            log.warn("Could not read the built-in runbook library: {}", e.toString());
            return Optional.empty();
        }
    }
}

package vn.partracker.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of background figure imports ({@code partracker.imports.*}). */
@ConfigMapping(prefix = "partracker.imports")
public interface ImportsConfig {

    /**
     * Background imports that may wait behind the running one; one more is refused with 503 until a slot frees, so
     * a burst of large uploads cannot fill the disk or memory.
     */
    @WithDefault("8")
    int queueCapacity();

    /**
     * Where the bodies of background imports wait; {@code <java.io.tmpdir>/partracker-indicators-imports} when
     * unset. Bodies of jobs a previous process left behind are removed at start-up.
     */
    Optional<String> directory();
}

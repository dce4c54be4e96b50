package io.loligo.cluster.cli;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The CLI endpoint's settings, under {@code loligo.cli}. */
@ConfigMapping(prefix = "loligo.cli")
public interface CliConfig {
    /** How long a command may run; Calamari waited as long for its mon jobs. */
    @WithDefault("20s")
    Duration timeout();
}

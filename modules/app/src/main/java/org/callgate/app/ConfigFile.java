package org.callgate.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command takes, in one place (a picocli mixin). */
final class ConfigFile {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "configuration file (default: config/callgate.yaml, else embedded defaults)")
    Path file;
}

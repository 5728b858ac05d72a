package org.callgate.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.callgate.app.config.CallgateConfig;
import org.callgate.app.config.ConfigException;
import org.callgate.store.RetentionProfile;
import org.callgate.store.RetentionProfile.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention profile in force, and what changed since the last start. A record's retain-until is
 * fixed when it is created (REQUIREMENTS "what follows" 2), so a changed profile applies to new
 * records only: this says so at start-up, class by class, and remembers the profile it applied
 * ({@code retention-profile.applied} beside the spool: one line per class, as the profile file
 * puts it) for the next start.
 */
final class AppliedProfile {

    private static final Logger LOG = LoggerFactory.getLogger(AppliedProfile.class);

    private AppliedProfile() {}

    /** The configured profile, or why it cannot be used. */
    static RetentionProfile of(CallgateConfig config) throws StartupException {
        try {
            return config.retentionProfile();
        } catch (ConfigException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** The configured profile; logs what changed since the profile the last run applied. */
    static RetentionProfile apply(CallgateConfig config) throws StartupException {
        RetentionProfile profile = of(config);
        Path marker = config.store().spool().toAbsolutePath().normalize().resolveSibling("retention-profile.applied");
        List<String> now = lines(profile);
        try {
            List<String> before = read(marker);
            List<String> changes = changes(before, now);
            if (!before.isEmpty() && !changes.isEmpty()) {
                LOG.warn(
                        "retention profile {} differs from the last run's: {}. It applies to records created from now on;"
                                + " records already stored keep their retain-until (docs/retention.md)",
                        profile.name(),
                        String.join("; ", changes));
            }
            if (!before.equals(now)) {
                Files.createDirectories(marker.getParent());
                Files.write(marker, now, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new StartupException("cannot record the retention profile in force in " + marker + ": " + e, e);
        }
        return profile;
    }

    /** {@code recording: keep 6 months from call, lock governance, basis R7}, one per class. */
    static List<String> lines(RetentionProfile profile) {
        return profile.rules().stream().map(AppliedProfile::line).toList();
    }

    private static String line(Rule rule) {
        return rule.retentionClass() + ": keep " + rule.keep() + " from "
                + rule.from().word() + ", lock " + rule.mode().name().toLowerCase(Locale.ROOT) + ", basis "
                + rule.basis();
    }

    /** {@code recording: P6M → P1M}, for each class whose line differs. */
    static List<String> changes(List<String> before, List<String> now) {
        List<String> changes = new ArrayList<>();
        for (String line : now) {
            String cls = line.substring(0, line.indexOf(':'));
            String old = before.stream()
                    .filter(b -> b.startsWith(cls + ":"))
                    .findFirst()
                    .orElse(null);
            if (!Objects.equals(old, line)) {
                changes.add(old == null ? "new class " + line : old + " → " + line.substring(cls.length() + 2));
            }
        }
        return changes;
    }

    private static List<String> read(Path marker) throws IOException {
        try {
            return Files.readAllLines(marker, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }
}

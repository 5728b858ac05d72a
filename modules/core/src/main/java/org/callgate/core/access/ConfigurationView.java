package org.callgate.core.access;

import java.util.Map;

/**
 * The running configuration for admins (capability {@code CONFIGURATION_READ}): every section with
 * its effective values, secrets (S3 keys, the sampling key, credentials in URLs) and personal data
 * (the objection list's numbers) replaced by {@value #REDACTED}.
 */
@FunctionalInterface
public interface ConfigurationView {

    /** What a secret reads as. */
    String REDACTED = "***";

    /** The configuration as a JSON-ready tree of maps, lists, strings, numbers and booleans. */
    Map<String, Object> redacted();
}

package org.callgate.store;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is stored with an object besides its bytes.
 *
 * @param contentType the media type ({@code audio/wav}, {@code application/json})
 * @param retention its retention
 * @param legalHold whether it starts under legal hold
 * @param tags small key/value labels, such as {@code service} (S3 object tags: at most
 *     {@value #MAX_TAGS}, keys and values from {@code [A-Za-z0-9 _.:/=+@-]}); the store adds
 *     {@code retention-class} and {@code retain-until} itself
 */
public record ObjectAttributes(String contentType, Retention retention, boolean legalHold, Map<String, String> tags) {

    /** S3 allows 10 tags; the store uses two of them. */
    public static final int MAX_TAGS = 8;

    // Compiled once: every stored object's tags are checked.
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9 _.:/=+@-]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9 _.:/=+@-]{0,256}");

    public ObjectAttributes {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(retention, "retention");
        tags = Map.copyOf(tags);
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags: " + tags.keySet());
        }
        tags.forEach(ObjectAttributes::checkTag);
    }

    public ObjectAttributes(String contentType, Retention retention) {
        this(contentType, retention, false, Map.of());
    }

    /**
     * Whether anyone may delete the object at any time: no lock ({@link LockMode#NONE}) and no
     * legal hold. Only such objects can be {@link RecordingStore#create created} as claims.
     */
    public boolean unlocked() {
        return retention.mode() == LockMode.NONE && !legalHold;
    }

    /**
     * {@code attributes}, when {@link #unlocked()}.
     *
     * @throws IllegalArgumentException when they lock the object or put it under legal hold
     */
    public static ObjectAttributes requireUnlocked(ObjectAttributes attributes) {
        if (!attributes.unlocked()) {
            throw new IllegalArgumentException("a created object is a claim, deletable by whoever lost the race: "
                    + attributes.retention().mode() + (attributes.legalHold() ? " under legal hold" : "")
                    + " cannot be created");
        }
        return attributes;
    }

    private static void checkTag(String key, String value) {
        if (!TAG_KEY.matcher(key).matches() || !TAG_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("tag " + key + "=" + value + " has characters S3 does not allow");
        }
        if (key.equals("retention-class") || key.equals("retain-until")) {
            throw new IllegalArgumentException("tag " + key + " is set by the store from the retention");
        }
    }
}

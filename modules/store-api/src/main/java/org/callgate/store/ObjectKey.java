package org.callgate.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of an object: one or more segments of {@code [A-Za-z0-9._=+-]}, joined by {@code /},
 * at most {@value #MAX_LENGTH} characters, no segment {@code .} or {@code ..}. That is portable as
 * an S3 key and as a relative file path alike, so a key never escapes the file store's root.
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {

    public static final int MAX_LENGTH = 512;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._=+-]+");

    public ObjectKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an object key has 1 to " + MAX_LENGTH + " characters: " + value);
        }
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("bad segment '" + segment + "' in object key " + value);
            }
        }
    }

    public static ObjectKey of(String value) {
        return new ObjectKey(value);
    }

    /** This key with {@code suffix} appended: {@code recordings/x.wav} + {@code .json}. */
    public ObjectKey withSuffix(String suffix) {
        return new ObjectKey(value + suffix);
    }

    @Override
    public int compareTo(ObjectKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

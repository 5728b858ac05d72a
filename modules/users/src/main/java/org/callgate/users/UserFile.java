package org.callgate.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user file on disk: JSON, owner-only ({@code rw-------}), replaced whole and atomically. A new
 * version is written to a temporary file in the same directory, forced to disk, then moved over the
 * old one with {@code ATOMIC_MOVE} and the directory forced, so a crash leaves either the old file
 * or the new one, never a torn mix (the same steps as Lucene's {@code FSDirectory}).
 */
final class UserFile {

    static final int VERSION = 1;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(UserFile.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Runnable beforeReplace;

    /** {@code beforeReplace} runs once the new version is on disk, before it replaces the old one. */
    UserFile(Path file, Runnable beforeReplace) {
        this.file = file.toAbsolutePath().normalize();
        this.beforeReplace = beforeReplace;
    }

    Path path() {
        return file;
    }

    /** The users in the file; none when there is no file yet. */
    List<User> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UserStoreException("cannot read the user file " + file + ": " + e.getMessage(), e);
        }
        warnIfReadableByOthers();
        try {
            Stored stored = JSON.readValue(bytes, Stored.class);
            if (stored.version() != VERSION) {
                throw new UserStoreException(
                        "the user file " + file + " has version " + stored.version() + ", expected " + VERSION, null);
            }
            return stored.users().stream().map(StoredUser::toUser).toList();
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new UserStoreException("the user file " + file + " does not parse: " + e.getMessage(), e);
        }
    }

    /** Replaces the file with {@code users}, atomically. */
    void write(List<User> users) {
        byte[] bytes = serialize(users);
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp", ownerOnly());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeReplace.run();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            throw new UserStoreException("cannot write the user file " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static byte[] serialize(List<User> users) {
        try {
            return JSON.writeValueAsBytes(
                    new Stored(VERSION, users.stream().map(StoredUser::of).toList()));
        } catch (JsonProcessingException e) {
            throw new UserStoreException("cannot serialize the users: " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private void warnIfReadableByOthers() {
        try {
            if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                LOG.warn(
                        "the user file {} is readable or writable by others; the next change makes it rw-------", file);
            }
        } catch (IOException e) {
            LOG.debug("cannot read the permissions of {}", file, e);
        }
    }

    /** Makes the rename durable: on Linux a directory opened for reading can be forced. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force directory {}", dir, e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary user file {}", temp, e);
        }
    }

    record Stored(
            @JsonProperty("version") int version,
            @JsonProperty("users") List<StoredUser> users) {}

    /** A user as the file writes it: times as ISO-8601 text, roles in lower case. */
    record StoredUser(
            @JsonProperty("name") String name,
            @JsonProperty("roles") List<String> roles,
            @JsonProperty("services") List<String> services,
            @JsonProperty("password-hash") String passwordHash,
            @JsonProperty("disabled") boolean disabled,
            @JsonProperty("created") String created,
            @JsonProperty("changed") String changed) {

        static StoredUser of(User user) {
            return new StoredUser(
                    user.name(),
                    user.roles().stream().sorted().map(Role::label).toList(),
                    user.services().stream().sorted().toList(),
                    user.passwordHash(),
                    user.disabled(),
                    user.created().toString(),
                    user.changed().toString());
        }

        User toUser() {
            Set<Role> parsed = roles.stream()
                    .map(label -> Role.parse(label)
                            .orElseThrow(
                                    () -> new IllegalArgumentException("user " + name + ": unknown role " + label)))
                    .collect(java.util.stream.Collectors.toSet());
            return new User(
                    name,
                    parsed,
                    Set.copyOf(services),
                    passwordHash,
                    disabled,
                    Instant.parse(created),
                    Instant.parse(changed));
        }
    }
}

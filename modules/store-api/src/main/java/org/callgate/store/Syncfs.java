package org.callgate.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Linux's {@code syncfs(2)} through the Foreign Function API: the JDK forces one file or
 * directory at a time ({@code FileChannel.force}), and this forces a whole file system in one call.
 * A descriptor of a directory on that file system is opened once and kept; since Linux 5.8 a
 * write-back error on the file system is reported to the next {@code syncfs} through each open
 * descriptor, once.
 */
final class Syncfs {

    /**
     * {@code O_RDONLY}, 0 on every Linux architecture (unlike {@code O_CLOEXEC}; a child process
     * that inherits the descriptor can only read a directory through it).
     */
    private static final int OPEN_FLAGS = 0;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Binding BINDING = bind();

    private Syncfs() {}

    /** The native functions, or why they cannot be called here. */
    private record Binding(MethodHandle open, MethodHandle syncfs, MethodHandle strerror, String unavailable) {}

    /** Empty when {@code syncfs(2)} can be called here; else why not. */
    static Optional<String> unavailable() {
        return Optional.ofNullable(BINDING.unavailable());
    }

    /** Opens {@code dir} for reading and returns its descriptor, kept for the process's life. */
    static int open(Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) BINDING.open().invokeExact(state, arena.allocateFrom(dir.toString()), OPEN_FLAGS);
            if (fd < 0) {
                throw failure("open", dir, state);
            }
            return fd;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot open " + dir + ": " + e, e);
        }
    }

    /** Writes every dirty page and inode of the file system that holds {@code fd} to disk, and waits. */
    static void sync(int fd, Path dir) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int result = (int) BINDING.syncfs().invokeExact(state, fd);
            if (result != 0) {
                throw failure("syncfs", dir, state);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("syncfs of " + dir + " failed: " + e, e);
        }
    }

    private static IOException failure(String call, Path dir, MemorySegment state) throws Throwable {
        int errno = (int) ERRNO.get(state, 0L);
        MemorySegment text = (MemorySegment) BINDING.strerror().invokeExact(errno);
        String reason = text.equals(MemorySegment.NULL)
                ? "errno " + errno
                : text.reinterpret(Long.MAX_VALUE).getString(0) + " (errno " + errno + ")";
        return new IOException(call + " of " + dir + " failed: " + reason);
    }

    private static Binding bind() {
        try {
            SymbolLookup libc = LINKER.defaultLookup();
            Optional<MemorySegment> syncfs = libc.find("syncfs");
            if (syncfs.isEmpty()) {
                return new Binding(null, null, null, "this system's C library has no syncfs(2)");
            }
            Linker.Option errno = Linker.Option.captureCallState("errno");
            MethodHandle open = LINKER.downcallHandle(
                    libc.find("open").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                    errno,
                    Linker.Option.firstVariadicArg(2));
            MethodHandle sync = LINKER.downcallHandle(
                    syncfs.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errno);
            MethodHandle strerror = LINKER.downcallHandle(
                    libc.find("strerror").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            return new Binding(open, sync, strerror, null);
        } catch (RuntimeException e) {
            // IllegalCallerException when native access is not enabled for this code
            return new Binding(null, null, null, "native calls are not allowed here: " + e.getMessage());
        }
    }
}

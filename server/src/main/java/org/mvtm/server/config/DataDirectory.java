package org.mvtm.server.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The server's data directory ({@code contact.data-dir}): created if missing (mode 0700), checked writable, and locked so two
 * server processes never write the same recordings. Released on shutdown.
 */
public final class DataDirectory implements AutoCloseable {
    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    public DataDirectory(Path configured) {
        this.root = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            if (Files.getFileStore(root).supportsFileAttributeView("posix")) {
                // customer data lives here: only the server's own user may list or open it
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | SecurityException e) {
            throw new InvalidConfigurationException("contact.data-dir", "cannot create directory " + root + " (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(root) || !Files.isWritable(root) || !Files.isReadable(root)) {
            throw new InvalidConfigurationException("contact.data-dir", "directory " + root + " is not readable and writable by this user");
        }
        try {
            lockChannel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new InvalidConfigurationException("contact.data-dir", "cannot lock " + root + " (" + e.getMessage() + ")");
        }
        if (lock == null) {
            throw new InvalidConfigurationException("contact.data-dir", root + " is in use by another mVTM server process");
        }
    }

    public Path root() {
        return root;
    }

    /** A sub-directory, created on demand. */
    public Path resolve(String name) {
        Path p = root.resolve(name);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new InvalidConfigurationException("contact.data-dir", "cannot create " + p + " (" + e.getMessage() + ")");
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}

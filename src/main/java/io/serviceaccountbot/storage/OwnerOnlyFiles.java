package io.serviceaccountbot.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read, written so that a reader never sees half of one: the content goes to a temporary
 * file beside the target, is flushed to disk, and is then moved over the target in one step. Permissions are set where
 * the file system has POSIX permissions (Linux, macOS); elsewhere the directory's own access rules apply.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    public static final Set<PosixFilePermission> OWNER_ALL = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnlyFiles() {}

    /** Creates the directory and any missing parents, the new ones readable by their owner only. */
    public static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ALL));
        } catch (UnsupportedOperationException noPosix) {
            Files.createDirectories(directory);
        }
    }

    /** Makes an existing file readable and writable by its owner only; nothing happens to a missing file. */
    public static void restrict(Path file) throws IOException {
        if (Files.isRegularFile(file) && supportsPosix(file)) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        }
    }

    /** Replaces the target's content in one step. */
    public static void replace(Path target, byte[] content) throws IOException {
        Path temporary = writeTemporary(target, content);
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates the target with this content unless it exists; a concurrent creator wins or loses whole.
     *
     * @return whether this call created it
     */
    public static boolean createIfAbsent(Path target, byte[] content) throws IOException {
        Path temporary = writeTemporary(target, content);
        try {
            Files.createLink(target, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            try {
                Files.move(temporary, target);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Whether the file is readable by its owner only; true where the file system has no POSIX permissions. */
    public static boolean isOwnerOnly(Path file) throws IOException {
        if (!supportsPosix(file)) {
            return true;
        }
        return OWNER_ALL.containsAll(Files.getPosixFilePermissions(file));
    }

    public static boolean supportsPosix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static Path writeTemporary(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        Path temporary = supportsPosix(directory)
                ? Files.createTempFile(directory, prefix, ".tmp", ownerReadWrite())
                : Files.createTempFile(directory, prefix, ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerReadWrite() {
        return PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
    }
}

package com.huiyi31.cli.imports;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The files an import writes (the journal, its key, the results) are its owner's alone: the
 * results hold the attendees' data, the journal the platform's order numbers and check-in codes.
 * On a POSIX file system they are created {@code rw-------} (0600) by the call that creates them,
 * so that there is no moment at which another user could open them. (Elsewhere, e.g. on Windows,
 * they get the folder's permissions; a user's own folders are private there by default.)
 */
final class PrivateFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE);

  private PrivateFiles() {}

  /** The attribute that creates {@code file} owner-only, for the call that creates it; none where there are no POSIX permissions. */
  static FileAttribute<?>[] ownerOnly(Path file) {
    return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
  }

  /**
   * Takes from an existing file (e.g. a journal an earlier version created {@code rw-r--r--}) every
   * permission but its owner's reading and writing. Returns false if it was not allowed to.
   */
  static boolean restrict(Path file) {
    if (!posix(file)) {
      return true;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        permissions.retainAll(OWNER_ONLY);
        Files.setPosixFilePermissions(file, permissions);
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Makes a new file's directory entry durable too (where the platform allows forcing a directory). */
  static void forceDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory as a channel; its file systems journal the entry anyway.
    }
  }

  private static boolean posix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}

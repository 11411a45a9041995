package com.huiyi31.cli.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a journal keys its rows: a tag of each row's column names and cells, so that a re-run can
 * tell that a journaled line still holds the same row without the journal holding its values.
 *
 * <ul>
 *   <li><b>Format 2</b> (journals written now): HMAC-SHA-256 under a random 256-bit key of the
 *       journal's own, cut to 128 bits. The key is <em>not</em> in the journal: it is in a file of
 *       its own next to it, {@code JOURNAL.key} ({@link #keyFile}, owner-only), and the journal's
 *       header names it by a fingerprint ({@link #id}). A key in the journal's header would not
 *       help: a name and a masked mobile ({@code 139****5678}) leave 10,000 candidates for a row,
 *       which anyone holding the journal could then tag in milliseconds. Without the key file a
 *       guess cannot be checked at all; the same row in two journals gets unrelated tags.
 *   <li><b>Format 1</b> (journals of earlier versions): the first 64 bits of an unkeyed SHA-256
 *       ({@link CsvInput#hash}). Still read and continued, so that an import an earlier version
 *       started can be finished; {@link #isLegacy()} says so, and the user is told to delete the
 *       journal once the import is complete.
 * </ul>
 */
final class RowKeys {

  /** The format of journals written now; {@link #LEGACY_FORMAT} is that of earlier versions. */
  static final int FORMAT = 2;
  static final int LEGACY_FORMAT = 1;

  private static final String KEY_LINE = "key=";
  private static final String KEY_FILE_COMMENT = "# The key of the huiyi31 import journal %s: keep it next to the "
      + "journal and share neither.%n# Without it the journal cannot be continued; with it, its row tags can be checked "
      + "against guessed rows. Do not edit.%n";

  private final byte[] key; // null: format 1
  /** This thread's Mac under the key, ready for a row (doFinal resets it). */
  private final ThreadLocal<Mac> rowMac;

  private RowKeys(byte[] key) {
    this.key = key;
    this.rowMac = ThreadLocal.withInitial(() -> keyed(key));
  }

  /** The unkeyed hashes of format 1. */
  static RowKeys legacy() {
    return new RowKeys(null);
  }

  /** A new random key, for a new journal. */
  static RowKeys generate() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new RowKeys(key);
  }

  /** Where the key of {@code journal} is kept: {@code attendees.csv.journal.key}. */
  static Path keyFile(Path journal) {
    return journal.resolveSibling(journal.getFileName() + ".key");
  }

  /**
   * The keys of the journal at {@code journal}, as its header says (see {@link #of(Path, Map)}); a
   * new key when there is no journal yet. Changes nothing.
   */
  static RowKeys forJournal(Path journal) {
    if (!Files.exists(journal)) {
      return generate();
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(journal))) {
      return of(journal, header(in));
    } catch (IOException e) {
      throw new InvalidImportException("The journal " + journal + " could not be read: " + e);
    }
  }

  /**
   * The details of a journal's first complete {@code JOURNAL} line (its second line), or null when
   * it has none. Reads only up to it: a journal may be hundreds of megabytes.
   */
  private static Map<String, String> header(InputStream journal) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    for (int b; (b = journal.read()) >= 0; ) {
      if (b != '\n') {
        line.write(b);
        continue;
      }
      // A complete line (a last one without its line break was torn by a crash, and does not count).
      String[] fields = line.toString(StandardCharsets.UTF_8).split("\t", -1);
      if (fields.length >= 2 && fields[1].equals("JOURNAL")) {
        return details(fields);
      }
      line.reset();
    }
    return null;
  }

  private static Map<String, String> details(String[] fields) {
    Map<String, String> details = new HashMap<>();
    for (int f = 2; f < fields.length; f++) {
      int at = fields[f].indexOf('=');
      if (at > 0) {
        details.put(fields[f].substring(0, at), fields[f].substring(at + 1));
      }
    }
    return details;
  }

  /**
   * The keys of the journal at {@code journal}, by its header (a {@code JOURNAL} line's details):
   * a new key when it has none yet (no file, or its first lines torn by a crash), the unkeyed
   * hashes of format 1, or the key in its key file. Throws {@link InvalidImportException} when the
   * key file is missing or is another journal's, or the format is a later version's.
   */
  static RowKeys of(Path journal, Map<String, String> header) {
    if (header == null) {
      return generate();
    }
    String format = header.getOrDefault("format", String.valueOf(LEGACY_FORMAT));
    if (format.equals(String.valueOf(LEGACY_FORMAT))) {
      return legacy();
    }
    if (!format.equals(String.valueOf(FORMAT))) {
      throw new InvalidImportException("The journal " + journal + " was written by a later version of huiyi31 (format "
          + format + "). Continue the import with that version.");
    }
    RowKeys keys = read(journal);
    if (!keys.id().equals(header.get("key"))) {
      throw new InvalidImportException("The key file " + keyFile(journal) + " is not the key of the journal " + journal
          + " (another journal's?). Put its own key file back next to it.");
    }
    return keys;
  }

  private static RowKeys read(Path journal) {
    Path file = keyFile(journal);
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(KEY_LINE)) {
          byte[] key = Base64.getDecoder().decode(line.substring(KEY_LINE.length()).strip());
          if (key.length == 32) {
            return new RowKeys(key);
          }
        }
      }
      throw new InvalidImportException("The key file " + file + " of the journal " + journal + " is damaged. Restore it.");
    } catch (NoSuchFileException e) {
      throw new InvalidImportException("The journal " + journal + " needs its key file " + file + ", which is missing: "
          + "without it the journal cannot be matched to the file's rows. Nothing was sent. Restore the key file (it is "
          + "created next to the journal, and moves with it); or check the platform for the rows the journal covered "
          + "before starting over with a new --journal.");
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidImportException("The key file " + file + " of the journal " + journal + " could not be read: " + e);
    }
  }

  /**
   * Writes the key file of {@code journal}, owner-only, durably (written, forced, moved into place,
   * its directory forced): before the journal's header names the key, so that no journal names a
   * key that a crash lost. Replaces a key file no journal names yet (one a crash left).
   */
  void save(Path journal) throws IOException {
    if (key == null) {
      throw new IllegalStateException("format 1 has no key");
    }
    Path file = keyFile(journal);
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp",
        PrivateFiles.ownerOnly(file));
    try {
      String text = String.format(KEY_FILE_COMMENT, journal.getFileName()) + KEY_LINE
          + Base64.getEncoder().encodeToString(key) + "\n";
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(StandardCharsets.UTF_8.encode(text));
        channel.force(true);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      PrivateFiles.forceDirectory(file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The journal format these keys belong to. */
  int format() {
    return key == null ? LEGACY_FORMAT : FORMAT;
  }

  /** Whether these are the unkeyed hashes of format 1. */
  boolean isLegacy() {
    return key == null;
  }

  /** The fingerprint by which a journal's header names its key (reveals nothing of the key); null for format 1. */
  String id() {
    return key == null ? null : HexFormat.of().formatHex(mac(key, out -> out.accept(
        "huiyi31 import journal key id".getBytes(StandardCharsets.UTF_8))), 0, 8);
  }

  /** The tag of a row: its column names and cells, each cell after its column's name. */
  String of(List<String> columns, List<String> cells) {
    Consumer<Consumer<byte[]>> row = out -> {
      for (int i = 0; i < cells.size(); i++) {
        out.accept((i < columns.size() ? columns.get(i) : "").getBytes(StandardCharsets.UTF_8));
        out.accept(new byte[] {0x1F}); // unit separator: "ab","c" and "a","bc" differ
        out.accept(cells.get(i).getBytes(StandardCharsets.UTF_8));
        out.accept(new byte[] {0x1E});
      }
    };
    if (key == null) {
      MessageDigest sha256 = sha256();
      row.accept(sha256::update);
      return HexFormat.of().formatHex(sha256.digest(), 0, 8);
    }
    Mac mac = rowMac.get(); // looking up and keying a Mac for every row cost more than the MAC itself
    row.accept(mac::update);
    return HexFormat.of().formatHex(mac.doFinal(), 0, 16);
  }

  private static Mac keyed(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static byte[] mac(byte[] key, Consumer<Consumer<byte[]>> content) {
    Mac mac = keyed(key);
    content.accept(mac::update);
    return mac.doFinal();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

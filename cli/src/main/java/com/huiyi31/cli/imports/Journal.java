package com.huiyi31.cli.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The import's memory of what it sent, so that a re-run after any interruption (Ctrl-C, a crash,
 * {@code kill -9}, a power cut) neither loses a row nor registers one twice.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Append-only. A row's {@code SENDING} line is written and forced to disk
 *       ({@link FileChannel#force}) before its request is sent: so a row without a line in the
 *       journal was never sent. Its outcome line is written at once (from then on a crash of the
 *       process, even {@code kill -9}, cannot lose it: the operating system holds it) and forced
 *       with the next force: before the same worker sends its next row, and before the journal
 *       is closed. Only a crash of the whole machine (power cut) can lose an outcome not yet
 *       forced, at most one per request in flight; its row then counts as unknown, like a row in
 *       flight at the crash: never sent again without {@code --resend-unknown}. (Forcing each
 *       outcome on its own doubled the forces per row and halved a bulk import's speed on a disk
 *       with ~1 ms forces: docs/benchmarks.md.)
 *   <li>Rows are keyed by their line number in the input and a keyed hash of their content (see
 *       {@link RowKeys}: the key is in a file of its own next to the journal, written and forced
 *       before the journal's header names it); a re-run refuses to start if a journaled line now
 *       holds different content. New rows may be added at the end of the file.
 *   <li>No personal value is written: only line numbers, hashes, the platform's ids and codes
 *       (businessCode, HTTP status), and the tool's own words for a failure. No text of the
 *       platform's or of a server's (a refusal or an error page may name a person, even another
 *       one than the row's); journals of earlier versions may hold such text (masked phones and
 *       emails), and are read as they are.
 *   <li>One import at a time: the journal is locked while an import runs (the operating system
 *       releases the lock when the process dies, however it dies).
 *   <li>Its owner's alone: created {@code rw-------} on POSIX file systems ({@link PrivateFiles}).
 * </ul>
 *
 * <h2>Format</h2>
 * UTF-8 text, one event per line, fields separated by a tab. Lines starting with {@code #} are
 * comments. A last line without its line break was torn by a crash: it is ignored, and cut off
 * when the journal is next opened for writing. (No request depends on it: a SENDING line is
 * complete and forced before its request is sent; a torn outcome leaves its row's SENDING as the
 * last event, so the row counts as unknown.) Example:
 * <pre>
 * # huiyi31 import journal, format 2. ...
 * 2025-05-01T08:00:00.120Z  JOURNAL     format=2  event=0732...  type=51f1...  key=5d41402abc4b2a76
 * 2025-05-01T08:00:00.125Z  RUN         pid=4242  concurrency=4  rate=none  retryRefused=false  resendUnknown=false
 * 2025-05-01T08:00:00.130Z  SENDING     2  9f86d081884c7d65b0c1a7e7f2a1c3d4
 * 2025-05-01T08:00:00.190Z  REGISTERED  2  9f86d081884c7d65b0c1a7e7f2a1c3d4  orderNo=1234567890123456789  attendeeId=...  checkinCode=...
 * 2025-05-01T08:00:00.131Z  SENDING     3  1b4f0e98519719985e8a3cbf0c7e1d2a
 * 2025-05-01T08:00:00.201Z  REFUSED     3  1b4f0e98519719985e8a3cbf0c7e1d2a  businessCode=1001
 * ...                       FAILED_NOT_SENT       4  hash  reason=...   (never left this machine: sent again by a re-run)
 * ...                       FAILED_NOT_PROCESSED  5  hash  httpStatus=429  reason=...   (the platform did nothing: sent again)
 * ...                       UNKNOWN               6  hash  reason=...   (may be registered: not sent again unless --resend-unknown)
 * </pre>
 * Fields: time (UTC), event, then for row events the input line, the row's tag and
 * {@code key=value} details. The latest event of a line is the row's state; a {@code SENDING}
 * without a later outcome means the import stopped while the request was in flight: like
 * {@code UNKNOWN}, the platform may have registered the row. Format 1 (earlier versions): no
 * {@code format} or {@code key} in the header, unkeyed 16-digit row hashes; continued as it is.
 */
final class Journal implements AutoCloseable {

  /** The states of a row, as journal events. */
  enum State {
    /** The request is about to be sent; without a later outcome the row's fate is unknown. */
    SENDING,
    /** The platform registered the row (businessCode 0). Skipped by re-runs. */
    REGISTERED,
    /** The platform answered with a businessCode (e.g. 1001): sending again gets the same answer. */
    REFUSED,
    /** The request never left this machine (connect failure, ...). Sent again by a re-run. */
    FAILED_NOT_SENT,
    /** The platform received the request but did nothing (HTTP 3xx/4xx, e.g. 401, 429). Sent again by a re-run. */
    FAILED_NOT_PROCESSED,
    /** The request may have been processed (timeout, reset, 5xx). Not sent again unless --resend-unknown. */
    UNKNOWN
  }

  /** One row event read back. */
  record Entry(Instant time, State state, int line, String hash, Map<String, String> details) {}

  /**
   * What the journal says about one input line: its latest event, and whether an earlier attempt
   * may have registered it (then a later registration may be a duplicate).
   */
  record RowHistory(Entry last, boolean earlierUncertain) {

    /** Unknown outcome: the last event is UNKNOWN, or a SENDING that never got an outcome. */
    boolean uncertain() {
      return last.state() == State.SENDING || last.state() == State.UNKNOWN;
    }
  }

  private static final String COMMENT = "# huiyi31 import journal, format 2. Append-only: do not edit. Tab-separated: "
      + "time, event, input line, row tag (keyed by FILE.key, next to it), details. See the Javadoc of "
      + "com.huiyi31.cli.imports.Journal.";

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final Map<Integer, RowHistory> history;
  private final Object writeLock = new Object();
  private final Object forceLock = new Object();
  private long position; // guarded by writeLock
  private long written; // lines written, guarded by writeLock
  private long forced; // lines forced to disk, guarded by forceLock
  private long forces; // calls of force, guarded by forceLock

  private Journal(Path path, FileChannel channel, FileLock lock, Map<Integer, RowHistory> history) throws IOException {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.history = history;
    this.position = channel.size();
  }

  /** Reads a journal without changing or locking it (for --dry-run); an absent file is an empty journal. */
  static Map<Integer, RowHistory> read(Path path, String event, String type) {
    if (!Files.exists(path)) {
      return Map.of();
    }
    try {
      return parse(path, Files.readAllBytes(path), event, type).history();
    } catch (IOException e) {
      throw new InvalidImportException("The journal " + path + " could not be read: " + e);
    }
  }

  /** As {@link #open(Path, String, String, RowKeys)}, with the journal's own keys ({@link RowKeys#forJournal}). */
  static Journal open(Path path, String event, String type) throws IOException {
    return open(path, event, type, RowKeys.forJournal(path));
  }

  /**
   * Opens (creating if need be) and locks the journal for an import of {@code event} and
   * {@code type} whose rows are tagged with {@code keys}: the journal's, or for a new journal new
   * ones, saved to its key file before its header is written.
   */
  static Journal open(Path path, String event, String type, RowKeys keys) throws IOException {
    boolean created = !Files.exists(path);
    // Owner-only from the start (PrivateFiles): it holds the platform's order numbers and check-in codes.
    FileChannel channel = FileChannel.open(path, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE), PrivateFiles.ownerOnly(path));
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new InvalidImportException("Another import is using the journal " + path + " right now. Wait for it to finish.");
      }
      if (!created) {
        PrivateFiles.restrict(path); // earlier versions created it readable by everyone
      }
      ByteBuffer content = ByteBuffer.allocate(Math.toIntExact(channel.size()));
      while (content.hasRemaining() && channel.read(content, content.position()) >= 0) {
        // read it all
      }
      byte[] bytes = content.array();
      Parsed parsed = parse(path, bytes, event, type);
      Journal journal = new Journal(path, channel, lock, parsed.history());
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      if (end < bytes.length) { // a last line torn by a crash: cut it off, so the next event starts a line of its own
        channel.truncate(end);
        channel.force(true);
        journal.position = end;
      }
      if (parsed.header() != null) {
        String format = parsed.header().getOrDefault("format", String.valueOf(RowKeys.LEGACY_FORMAT));
        if (!format.equals(String.valueOf(keys.format())) || !Objects.equals(parsed.header().get("key"), keys.id())) {
          throw new InvalidImportException("The journal " + path + " was started by another import while this one was "
              + "reading the file. Nothing was sent. Run the same command again.");
        }
      } else { // a new journal, or one whose first lines were torn by a crash: no row depends on a key yet
        if (keys.isLegacy()) {
          throw new IllegalStateException("a new journal is never of format 1");
        }
        keys.save(path); // durable before the header names it
        journal.appendRaw(COMMENT + "\n", false);
        journal.appendRaw("JOURNAL\tformat=" + RowKeys.FORMAT + "\tevent=" + clean(event) + "\ttype=" + clean(type)
            + "\tkey=" + keys.id() + "\n", true);
      }
      if (created) {
        PrivateFiles.forceDirectory(path);
      }
      return journal;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Path path() {
    return path;
  }

  /** The latest state of each journaled input line, as read when the journal was opened. */
  Map<Integer, RowHistory> history() {
    return Collections.unmodifiableMap(history);
  }

  /** Records the start of a run and its settings. */
  void run(String settings) throws IOException {
    appendRaw("RUN\tpid=" + ProcessHandle.current().pid() + "\t" + settings + "\n", true);
  }

  /**
   * Appends a row event and returns once it (and every line before it) is on disk. Details must
   * hold no personal value.
   */
  void append(State state, CsvInput.Row row, Map<String, String> details) throws IOException {
    appendRaw(line(state, row, details), true);
  }

  /**
   * Appends a row's outcome and returns once it is written, not yet forced: the next
   * {@link #append}, {@link #force} or {@link #close} forces it. Safe from a crash of the
   * process at once; from a crash of the machine once forced.
   */
  void appendOutcome(State state, CsvInput.Row row, Map<String, String> details) throws IOException {
    if (state == State.SENDING) {
      throw new IllegalArgumentException("a SENDING line must be forced before its request is sent: use append");
    }
    write(line(state, row, details), true);
  }

  /** Forces every line written so far to disk. */
  void force() throws IOException {
    long mine;
    synchronized (writeLock) {
      mine = written;
    }
    forceUpTo(mine);
  }

  /** Forces so far (for tests). */
  long forces() {
    synchronized (forceLock) {
      return forces;
    }
  }

  private static String line(State state, CsvInput.Row row, Map<String, String> details) {
    StringBuilder line = new StringBuilder()
        .append(state).append('\t').append(row.line()).append('\t').append(row.hash());
    details.forEach((key, value) -> {
      if (value != null) {
        line.append('\t').append(key).append('=').append(clean(value));
      }
    });
    return line.append('\n').toString();
  }

  /**
   * Writes and forces. Concurrent callers share one force when they can ("group commit"): a
   * caller whose line was already covered by another caller's force returns at once.
   */
  private void appendRaw(String text, boolean timed) throws IOException {
    forceUpTo(write(text, timed));
  }

  /** Writes a line (not forced) and returns its number. */
  private long write(String text, boolean timed) throws IOException {
    synchronized (writeLock) { // stamped under the lock, so that times grow down the file
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(timed ? Instant.now() + "\t" + text : text);
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
      return ++written;
    }
  }

  /** Returns once line {@code mine} is on disk, forcing (every line written so far) if need be. */
  private void forceUpTo(long mine) throws IOException {
    synchronized (forceLock) {
      if (forced >= mine) {
        return;
      }
      long covered;
      synchronized (writeLock) {
        covered = written;
      }
      channel.force(true);
      forces++;
      forced = covered;
    }
  }

  /** Forces what is not yet on disk, then releases the lock. */
  @Override
  public void close() throws IOException {
    try {
      if (channel.isOpen()) {
        force();
      }
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  /** @param header the details of the JOURNAL line, or null when there is none */
  private record Parsed(Map<Integer, RowHistory> history, Map<String, String> header) {}

  private static Parsed parse(Path path, byte[] bytes, String event, String type) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    // The last element follows the last line break: empty, or a line torn by a crash.
    int complete = lines.length - 1;
    Map<Integer, RowHistory> history = new LinkedHashMap<>();
    Map<String, String> header = null;
    for (int i = 0; i < complete; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      try {
        Instant.parse(fields[0]);
        String kind = fields[1];
        if (kind.equals("JOURNAL")) {
          Map<String, String> details = details(fields, 2);
          header = details;
          checkSame(path, "--event", details.get("event"), event);
          checkSame(path, "--type", details.get("type"), type);
          continue;
        }
        if (kind.equals("RUN")) {
          continue;
        }
        if (header == null) {
          throw damaged(path, i + 1, "no JOURNAL line before the first row event");
        }
        Entry entry = new Entry(Instant.parse(fields[0]), State.valueOf(kind), Integer.parseInt(fields[2]), fields[3],
            details(fields, 4));
        RowHistory before = history.get(entry.line());
        boolean earlierUncertain = before != null && (before.earlierUncertain() || before.last().state() == State.UNKNOWN
            || before.last().state() == State.SENDING && entry.state() == State.SENDING);
        history.put(entry.line(), new RowHistory(entry, earlierUncertain));
      } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException | DateTimeParseException e) {
        throw damaged(path, i + 1, "it is not an event of this format");
      }
    }
    return new Parsed(history, header);
  }

  private static void checkSame(Path path, String option, String journaled, String given) {
    if (journaled != null && !journaled.equals(clean(given))) {
      throw new InvalidImportException("The journal " + path + " belongs to an import with a different " + option
          + " (" + journaled + "). Give the same " + option + ", or use another --journal for this one.");
    }
  }

  private static Map<String, String> details(String[] fields, int from) {
    Map<String, String> details = new HashMap<>();
    for (int i = from; i < fields.length; i++) {
      int at = fields[i].indexOf('=');
      if (at <= 0) {
        throw new IllegalArgumentException("not key=value");
      }
      details.put(fields[i].substring(0, at), fields[i].substring(at + 1));
    }
    return details;
  }

  private static InvalidImportException damaged(Path path, int line, String why) {
    return new InvalidImportException("The journal " + path + " is damaged at line " + line + " (" + why + "). "
        + "Nothing was sent. It is not safe to continue without it: restore it, or check the platform for the rows "
        + "it covered before starting over with a new --journal.");
  }

  /** One line per event: tabs and line breaks in a value become spaces; very long values are cut. */
  private static String clean(String value) {
    String flat = value.replaceAll("[\\t\\r\\n]+", " ").strip();
    return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
  }
}

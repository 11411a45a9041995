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
import java.util.EnumSet;
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
 *   <li>Read back once, when an import starts, into a {@link JournalIndex}: a few bytes per row,
 *       however long the journal; an import that wrote to it since is told apart ({@link #open}).
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
  private final JournalIndex index;
  private final Object writeLock = new Object();
  private final Object forceLock = new Object();
  private long position; // guarded by writeLock
  private long written; // lines written, guarded by writeLock
  private long forced; // lines forced to disk, guarded by forceLock
  private long forces; // calls of force, guarded by forceLock

  private Journal(Path path, FileChannel channel, FileLock lock, JournalIndex index) throws IOException {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.index = index;
    this.position = channel.size();
  }

  /** As {@link #open(Path, String, String, RowKeys, JournalIndex)}, with the journal's keys and as it is now (for tests). */
  static Journal open(Path path, String event, String type) throws IOException {
    return open(path, event, type, RowKeys.forJournal(path), JournalIndex.read(path, Integer.MAX_VALUE));
  }

  /**
   * Opens (creating if need be) and locks the journal for an import of {@code event} and
   * {@code type} whose rows are tagged with {@code keys}: the journal's, or for a new journal new
   * ones, saved to its key file before its header is written. {@code index}: the journal as the
   * import read it when it started; if another import continued or started it since, nothing is
   * sent ({@link InvalidImportException}).
   */
  static Journal open(Path path, String event, String type, RowKeys keys, JournalIndex index) throws IOException {
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
      long size = channel.size();
      long complete = completeLength(channel, size);
      if (complete != index.completeLength()) {
        throw new InvalidImportException("The journal " + path + " was started or continued by another import while "
            + "this one was reading the file. Nothing was sent. Run the same command again.");
      }
      index.checkHeader(event, type);
      Journal journal = new Journal(path, channel, lock, index);
      if (complete < size) { // a last line torn by a crash: cut it off, so the next event starts a line of its own
        channel.truncate(complete);
        channel.force(true);
        journal.position = complete;
      }
      Map<String, String> header = index.header();
      if (header != null) {
        String format = header.getOrDefault("format", String.valueOf(RowKeys.LEGACY_FORMAT));
        if (!format.equals(String.valueOf(keys.format())) || !Objects.equals(header.get("key"), keys.id())) {
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
      index.readThrough(channel);
      return journal;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Where the last complete line of the file ends: after its last line break (0 without one). */
  private static long completeLength(FileChannel channel, long size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    for (long end = size; end > 0; ) {
      long from = Math.max(0, end - buffer.capacity());
      buffer.clear().limit((int) (end - from));
      while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
        // read the block
      }
      for (int i = buffer.position() - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return from + i + 1;
        }
      }
      end = from;
    }
    return 0;
  }

  Path path() {
    return path;
  }

  /** What the journal held of each input line when the import started. */
  JournalIndex index() {
    return index;
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
        index.close();
      }
    }
  }

  /** One line per event: tabs and line breaks in a value become spaces; very long values are cut. */
  static String clean(String value) {
    String flat = value.replaceAll("[\\t\\r\\n]+", " ").strip();
    return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
  }
}

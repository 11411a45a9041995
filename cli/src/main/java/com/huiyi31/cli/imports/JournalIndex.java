package com.huiyi31.cli.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link Journal} says of each input line, read once (streaming) when an import starts. So
 * that memory does not grow with the journal beyond a few bytes per row, it keeps, by line number,
 * only what planning needs: <b>17 bytes per journaled row</b>: the latest event's state and
 * whether an earlier attempt's outcome was unknown (1 byte), the first 64 bits of the row's tag
 * (8 bytes: a changed row is told by them), and where the latest event's line starts in the file
 * (8 bytes); an event's details (order number, check-in code, ...) are read back from there when
 * the results are written ({@link #history}). Lines beyond the input's last line are only counted
 * and listed (a journal of a longer file, or damaged).
 */
final class JournalIndex implements AutoCloseable {

  private static final int STATE_BITS = 0x07; // State ordinal + 1; 0: no event of the line
  private static final int EARLIER_UNCERTAIN = 0x08;
  private static final int SEEN = 0x10; // the input still has a row on the line (ImportPlan)
  private static final int LISTED_BEYOND = 1_000;

  private final Path path;
  private final int maxLine;
  private final List<Map<String, String>> headers = new ArrayList<>();
  private final TreeMap<Integer, Journal.State> beyond = new TreeMap<>();
  private long completeLength;
  private byte[] states = new byte[0];
  private long[] tags = new long[0];
  private long[] offsets = new long[0];
  private int journaledLines;
  private int beyondMore;
  private FileChannel channel; // for history(): the journal's own while it is open (Windows locks it)
  private boolean ownChannel;

  private JournalIndex(Path path, int maxLine) {
    this.path = path;
    this.maxLine = maxLine;
  }

  /**
   * Reads the journal at {@code path} (an absent file is an empty journal) without locking or
   * changing it; {@code maxLine}: the input's last line (later lines are only counted). Throws
   * {@link InvalidImportException} when it is damaged.
   */
  static JournalIndex read(Path path, int maxLine) {
    JournalIndex index = new JournalIndex(path, maxLine);
    if (!Files.exists(path)) {
      return index;
    }
    try (InputStream in = Files.newInputStream(path)) {
      index.readFrom(in);
      return index;
    } catch (IOException e) {
      throw new InvalidImportException("The journal " + path + " could not be read: " + e);
    }
  }

  private void readFrom(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    long offset = 0;
    long lineStart = 0;
    int number = 0;
    for (int n; (n = in.read(buffer)) > 0; offset += n) {
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          line.write(buffer, from, i - from);
          parse(line.toString(StandardCharsets.UTF_8), ++number, lineStart);
          line.reset();
          from = i + 1;
          lineStart = offset + i + 1;
        }
      }
      line.write(buffer, from, n - from); // a last line without its line break was torn by a crash: ignored
    }
    completeLength = lineStart;
  }

  private void parse(String line, int number, long offset) {
    if (line.isBlank() || line.startsWith("#")) {
      return;
    }
    String[] fields = line.split("\t", -1);
    try {
      checkTime(fields[0]);
      String kind = fields[1];
      if (kind.equals("JOURNAL")) {
        headers.add(details(fields, 2));
        return;
      }
      if (kind.equals("RUN")) {
        return;
      }
      if (headers.isEmpty()) {
        throw damaged(number, "no JOURNAL line before the first row event");
      }
      Journal.State state = Journal.State.valueOf(kind);
      int row = Integer.parseInt(fields[2]);
      long tag = tag(fields[3]);
      details(fields, 4);
      record(row, state, tag, offset);
    } catch (IndexOutOfBoundsException | IllegalArgumentException | DateTimeParseException e) {
      throw damaged(number, "it is not an event of this format");
    }
  }

  /**
   * That {@code text} looks like the time the journal writes ({@code 2025-05-01T08:00:00.120Z}):
   * cheaper than parsing it on every line, which only the lines read back need ({@link #history}).
   */
  private static void checkTime(String text) {
    if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T' || text.charAt(text.length() - 1) != 'Z') {
      throw new IllegalArgumentException("not a time");
    }
  }

  private void record(int line, Journal.State state, long tag, long offset) {
    if (line < 2 || line > maxLine) {
      if (beyond.size() < LISTED_BEYOND || beyond.containsKey(line)) {
        beyond.put(line, state);
      } else {
        beyondMore++;
      }
      return;
    }
    if (line >= states.length) {
      int size = (int) Math.min((long) maxLine + 1, Math.max(line + 1L, 2L * states.length + 16));
      states = Arrays.copyOf(states, size);
      tags = Arrays.copyOf(tags, size);
      offsets = Arrays.copyOf(offsets, size);
    }
    int before = states[line];
    Journal.State previous = stateOf(before);
    boolean earlierUncertain = previous != null && ((before & EARLIER_UNCERTAIN) != 0 || previous == Journal.State.UNKNOWN
        || previous == Journal.State.SENDING && state == Journal.State.SENDING);
    if (previous == null) {
      journaledLines++;
    }
    states[line] = (byte) ((state.ordinal() + 1) | (earlierUncertain ? EARLIER_UNCERTAIN : 0));
    tags[line] = tag;
    offsets[line] = offset;
  }

  private static Journal.State stateOf(int bits) {
    int ordinal = (bits & STATE_BITS) - 1;
    return ordinal < 0 ? null : Journal.State.values()[ordinal];
  }

  /** The first 64 bits of a row tag (16 hex digits of format 1, 32 of format 2). */
  static long tag(String hex) {
    return Long.parseUnsignedLong(hex.substring(0, 16), 16);
  }

  Path path() {
    return path;
  }

  /** Bytes of complete lines read: a journal that grew meanwhile was continued by another import. */
  long completeLength() {
    return completeLength;
  }

  /** The details of the first JOURNAL line, or null when there is none (a new journal, or one torn before it). */
  Map<String, String> header() {
    return headers.isEmpty() ? null : headers.get(0);
  }

  /** How many input lines have an event. */
  int journaledLines() {
    return journaledLines + beyond.size() + beyondMore;
  }

  /** The latest state of {@code line}, or null when the journal has none. */
  Journal.State state(int line) {
    return line < states.length ? stateOf(states[line]) : null;
  }

  /** Whether an attempt before the latest one may have registered {@code line}'s row. */
  boolean earlierUncertain(int line) {
    return line < states.length && (states[line] & EARLIER_UNCERTAIN) != 0;
  }

  /** The first 64 bits of the tag {@code line}'s row had when it was journaled. */
  long tag(int line) {
    return tags[line];
  }

  /** Notes that the input has a row on {@code line} (see {@link #unseen}). */
  void markSeen(int line) {
    if (line < states.length && states[line] != 0) {
      states[line] |= SEEN;
    }
  }

  /**
   * Journaled lines on which the input has no row (after every row was {@link #markSeen marked}),
   * as "line N (STATE)", in order, at most {@code limit}; {@link #unseenCount} counts them all.
   */
  List<String> unseen(int limit) {
    List<String> lines = new ArrayList<>();
    for (int line = 0; line < states.length && lines.size() < limit; line++) {
      if (states[line] != 0 && (states[line] & SEEN) == 0) {
        lines.add("line " + line + " (" + stateOf(states[line]) + ")");
      }
    }
    beyond.entrySet().stream().limit(Math.max(0, limit - lines.size()))
        .forEach(e -> lines.add("line " + e.getKey() + " (" + e.getValue() + ")"));
    return lines;
  }

  int unseenCount() {
    int count = beyond.size() + beyondMore;
    for (byte state : states) {
      count += state != 0 && (state & SEEN) == 0 ? 1 : 0;
    }
    return count;
  }

  /**
   * What the journal says of {@code line}, its latest event's details read back from the file; null
   * when it has no event of the line.
   */
  Journal.RowHistory history(int line) {
    Journal.State state = state(line);
    if (state == null) {
      return null;
    }
    try {
      String text = lineAt(offsets[line]);
      String[] fields = text.split("\t", -1);
      Journal.Entry entry = new Journal.Entry(Instant.parse(fields[0]), Journal.State.valueOf(fields[1]),
          Integer.parseInt(fields[2]), fields[3], details(fields, 4));
      return new Journal.RowHistory(entry, earlierUncertain(line));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("The journal " + path + " could not be read again", e);
    }
  }

  private synchronized String lineAt(long offset) throws IOException {
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ);
      ownChannel = true;
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    ByteBuffer buffer = ByteBuffer.allocate(512);
    for (long at = offset; ; ) {
      buffer.clear();
      int n = channel.read(buffer, at);
      if (n <= 0) {
        break;
      }
      int end = 0;
      while (end < n && buffer.get(end) != '\n') {
        end++;
      }
      line.write(buffer.array(), 0, end);
      if (end < n) {
        break;
      }
      at += n;
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Reads the journal's lines back through {@code journalChannel} (the journal's own, locked) from now on. */
  synchronized void readThrough(FileChannel journalChannel) throws IOException {
    close();
    channel = journalChannel;
    ownChannel = false;
  }

  /** Throws unless every JOURNAL line names {@code event} and {@code type}. */
  void checkHeader(String event, String type) {
    for (Map<String, String> header : headers) {
      checkSame("--event", header.get("event"), event);
      checkSame("--type", header.get("type"), type);
    }
  }

  private void checkSame(String option, String journaled, String given) {
    if (journaled != null && !journaled.equals(Journal.clean(given))) {
      throw new InvalidImportException("The journal " + path + " belongs to an import with a different " + option
          + " (" + journaled + "). Give the same " + option + ", or use another --journal for this one.");
    }
  }

  static Map<String, String> details(String[] fields, int from) {
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

  private InvalidImportException damaged(int line, String why) {
    return new InvalidImportException("The journal " + path + " is damaged at line " + line + " (" + why + "). "
        + "Nothing was sent. It is not safe to continue without it: restore it, or check the platform for the rows "
        + "it covered before starting over with a new --journal.");
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null && ownChannel) {
      channel.close();
    }
    channel = null;
  }
}

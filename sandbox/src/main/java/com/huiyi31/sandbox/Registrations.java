package com.huiyi31.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The Register requests a sandbox accepted, newest last, bounded both in number and in bytes so
 * that memory stays flat however long the sandbox runs: at most {@link #KEPT} of them, and at most
 * {@link #KEPT_BYTES} of request bodies together (a request of the maximum body size,
 * {@link SandboxServer#MAX_BODY_BYTES}, still fits); the oldest go first. They are kept as the
 * bytes received (already checked to decode) and decoded afresh for every snapshot, so no caller
 * can change what another sees. Thread-safe.
 */
final class Registrations {

  /** How many accepted registrations are kept at most. */
  static final int KEPT = 10_000;

  /** How many bytes of request bodies are kept at most (32 MiB). */
  static final long KEPT_BYTES = 32L * 1024 * 1024;

  private static final ObjectReader READER = JsonAnswers.JSON.readerFor(RegisterAttendeeRequest.class)
      // The contract check decides which keys are allowed; decoding only maps them.
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final int kept;
  private final long keptBytes;
  private final Deque<byte[]> bodies = new ArrayDeque<>();
  private long bytes;

  Registrations() {
    this(KEPT, KEPT_BYTES);
  }

  /** For tests: other bounds. */
  Registrations(int kept, long keptBytes) {
    if (kept < 1 || keptBytes < SandboxServer.MAX_BODY_BYTES) {
      throw new IllegalArgumentException("must keep at least one registration of the largest body");
    }
    this.kept = kept;
    this.keptBytes = keptBytes;
  }

  /** The request a Register body decodes to; throws an IOException saying why when it does not. */
  static RegisterAttendeeRequest decode(byte[] body) throws IOException {
    return READER.readValue(body);
  }

  /** Keeps an accepted request's body (one that {@link #decode} accepted), dropping the oldest past the bounds. */
  synchronized void add(byte[] body) {
    bodies.addLast(body);
    bytes += body.length;
    while (bodies.size() > kept || bytes > keptBytes) {
      bytes -= bodies.removeFirst().length;
    }
  }

  synchronized void clear() {
    bodies.clear();
    bytes = 0;
  }

  /** The kept requests, oldest first, freshly decoded: an unmodifiable list nobody else holds. */
  List<RegisterAttendeeRequest> snapshot() {
    List<byte[]> copy;
    synchronized (this) {
      copy = new ArrayList<>(bodies);
    }
    List<RegisterAttendeeRequest> requests = new ArrayList<>(copy.size());
    for (byte[] body : copy) {
      try {
        requests.add(decode(body));
      } catch (IOException e) {
        throw new UncheckedIOException("A kept registration no longer decodes", e); // add() takes only decodable ones
      }
    }
    return Collections.unmodifiableList(requests);
  }
}

package com.huiyi31.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One folder under {@code recorded/}: the request the client must send ({@code request.json}),
 * the answer recorded for it, and {@code case.json} saying where the case comes from, what the
 * answer's status and content type are, and, for an answer that breaks the contract on purpose,
 * why ({@code offContract}).
 */
record RecordedCase(String name, Path dir, JsonNode meta) {

  /** Strict on purpose: a key in a fixture that the generated model does not know fails the test. */
  static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The cases of Register: the folders directly under {@code recorded/}. */
  static List<RecordedCase> all() {
    return in(root(), root());
  }

  /** The cases of another operation: the folders under {@code recorded/<group>/} (attendee-types, token). */
  static List<RecordedCase> all(String group) {
    return in(root(), root().resolve(group));
  }

  /**
   * The cases of a fixtures tree other than this module's ({@code huiyi31 record} writes one):
   * under {@code root} ({@code group} "") or {@code root/group}.
   */
  static List<RecordedCase> all(Path root, String group) {
    return in(root, group.isEmpty() ? root : root.resolve(group));
  }

  private static List<RecordedCase> in(Path root, Path folder) {
    try (Stream<Path> dirs = Files.list(folder)) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve("case.json"))).sorted().map(dir -> load(root, dir))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RecordedCase named(String name) {
    return load(root(), root().resolve(name));
  }

  private static Path root() {
    try {
      return Path.of(RecordedCase.class.getResource("/recorded").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RecordedCase load(Path root, Path dir) {
    try {
      Path relative = root.relativize(dir);
      return new RecordedCase(relative.toString().replace('\\', '/'), dir, STRICT.readTree(dir.resolve("case.json").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + dir.resolve("case.json"), e);
    }
  }

  String source() {
    return meta.path("source").asText();
  }

  int status() {
    return meta.path("status").asInt();
  }

  String contentType() {
    return meta.path("contentType").asText();
  }

  /** Why the recorded answer breaks the contract on purpose; empty when it must validate. */
  Optional<String> offContract() {
    return meta.hasNonNull("offContract") ? Optional.of(meta.get("offContract").asText()) : Optional.empty();
  }

  /** The recorded answer's body; empty for a case recorded with no body. */
  byte[] responseBody() {
    return meta.hasNonNull("body") ? read(meta.get("body").asText()) : new byte[0];
  }

  /** The exact JSON the client must send. */
  JsonNode requestJson() {
    try {
      return STRICT.readTree(read("request.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request of this case as the generated model (fails on a key the model does not know). */
  RegisterAttendeeRequest request() {
    try {
      return STRICT.treeToValue(requestJson(), RegisterAttendeeRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] read(String file) {
    try {
      return Files.readAllBytes(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

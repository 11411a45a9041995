package com.huiyi31.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a session's exchanges as contract-test fixtures (see {@link DriftCheck#record}), masked
 * by one {@link Masker}, and validates each as the contract tests would ({@link FixtureValidation}).
 */
final class Recorder {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Where each operation's cases live under the fixtures' root, as the contract tests read them. */
  private static final Map<String, String> GROUPS = Map.of(
      "requestAccessToken", "token/", "listAttendeeTypes", "attendee-types/", "registerAttendee", "");

  private final Contract contract;
  private final Path directory;
  private final String caseName;
  private final DriftCheck.Settings settings;

  Recorder(Contract contract, Path directory, String caseName, DriftCheck.Settings settings) throws IOException {
    if (caseName == null || !caseName.matches("[A-Za-z0-9._-]{1,100}") || caseName.matches("\\.+")
        || caseName.equals("token") || caseName.equals("attendee-types")) {
      throw new IllegalArgumentException("The case name must be 1 to 100 letters, digits, '.', '_' or '-' (and not token "
          + "or attendee-types), e.g. recorded-2026-12-01.");
    }
    this.contract = contract;
    this.directory = directory;
    this.caseName = caseName;
    this.settings = settings;
    for (String operation : List.of("requestAccessToken", "listAttendeeTypes", "registerAttendee")) {
      Path folder = folder(operation);
      if (Files.exists(folder) && (settings.registration() != null || !operation.equals("registerAttendee"))) {
        throw new FileAlreadyExistsException(folder.toString(), null, "a recorded case of that name exists already: "
            + "choose another name, or delete it first");
      }
    }
  }

  Recording write(RawExchanges.Session session) throws IOException {
    Masker masker = new Masker(contract);
    List<Masked> masked = new ArrayList<>();
    for (Exchange exchange : session.exchanges()) {
      JsonNode request = null;
      if (exchange.requestBody() != null && !exchange.operation().equals("requestAccessToken")) {
        request = masker.mask(contract.requestSchema(exchange.path()), RawExchanges.parse(exchange.requestBody()));
      }
      JsonNode answer = RawExchanges.parse(exchange.responseBody());
      Contract.Located answerSchema = contract.answerSchema(exchange.path(), exchange.status());
      masked.add(new Masked(exchange, request, answer.isMissingNode() ? null : masker.mask(answerSchema, answer)));
    }
    String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    FixtureValidation validation = new FixtureValidation(contract);
    List<Path> files = new ArrayList<>();
    List<String> contradictions = new ArrayList<>();
    for (Masked one : masked) {
      Exchange exchange = one.exchange();
      Path folder = folder(exchange.operation());
      Files.createDirectories(folder);
      String name = GROUPS.get(exchange.operation()) + caseName;
      String body;
      String bodyFile;
      if (one.answer() != null) {
        Contract.Located schema = contract.answerSchema(exchange.path(), exchange.status());
        body = text(masker.scrub(schema, one.answer()));
        bodyFile = "response.json";
      } else {
        body = masker.scrubText(new String(exchange.responseBody(), StandardCharsets.UTF_8));
        bodyFile = exchange.mediaType().contains("html") ? "response.html" : "response.txt";
      }
      if (one.request() != null) {
        String request = text(masker.scrub(contract.requestSchema(exchange.path()), one.request()));
        files.add(write(folder.resolve("request.json"), request));
        contradictions.addAll(validation.request(name + "/request.json", exchange.path(), request,
            exchange.operation().equals("listAttendeeTypes")));
      }
      if (!body.isEmpty()) {
        files.add(write(folder.resolve(bodyFile), body));
      }
      files.add(write(folder.resolve("case.json"), text(JSON.valueToTree(caseNote(exchange, body.isEmpty() ? null : bodyFile,
          at)))));
      contradictions.addAll(validation.response(name + "/" + bodyFile, exchange.path(), exchange.status(),
          exchange.contentType(), body));
    }
    return new Recording(files, contradictions, session.unchecked());
  }

  private record Masked(Exchange exchange, JsonNode request, JsonNode answer) {}

  /** case.json: where and when it was recorded, the answer's status and content type, its body's file. */
  private Map<String, Object> caseNote(Exchange exchange, String bodyFile, String at) {
    String host = RawExchanges.host(exchange.operation().equals("requestAccessToken") ? settings.oauthBaseUrl()
        : settings.baseUrl());
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("source", "Recorded by " + tool() + " record from " + host + " at " + at + ": the answer to "
        + exchange.operation() + (exchange.operation().equals("requestAccessToken") ? " (the request, which holds the app "
        + "secret, is not kept)" : "") + ". Personal data, ids and order numbers are fakes (one real value, one fake, "
        + "across this recording); tokens are removed.");
    note.put("status", exchange.status());
    note.put("contentType", exchange.contentType());
    if (bodyFile != null) {
      note.put("body", bodyFile);
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    recorded.put("host", host);
    recorded.put("at", at);
    recorded.put("tool", tool());
    note.put("recorded", recorded);
    return note;
  }

  private Path folder(String operation) {
    return directory.resolve(GROUPS.get(operation) + caseName);
  }

  static String tool() {
    String version = Recorder.class.getPackage().getImplementationVersion();
    return "huiyi31 " + (version == null ? "development" : version);
  }

  private static String text(JsonNode node) throws IOException {
    return JSON.writeValueAsString(node) + "\n";
  }

  /** Writes a new file, owner-only on POSIX file systems from the moment it exists: fakes, but a person's answers' shape. */
  private static Path write(Path file, String content) throws IOException {
    FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    Files.createFile(file, ownerOnly);
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}

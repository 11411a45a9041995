package com.huiyi31.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.huiyi31.cli.imports.ImportRun;
import com.huiyi31.client.Huiyi31Client;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An OutOfMemoryError (a large import under -Xmx96m) is one line saying what happened, what it
 * means for the work and how to give Java more memory, with exit code 4; not a stack trace. The
 * import runs out of memory through its sender, put in place by picocli's factory; the same
 * command then resumes, as the line says.
 */
class OutOfMemoryTest {

  private static final String PATH = "/op/notoken/api/Attendee/v1/Register";
  private static final int ROWS = 6;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private Path csv;

  @BeforeEach
  void platformAndFile() throws IOException {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"orderNo\":\"1\"}}")));
    StringBuilder rows = new StringBuilder("FullName,Mobile\n");
    for (int i = 1; i <= ROWS; i++) {
      rows.append("oom-").append(i).append(",1390000000").append(i).append('\n');
    }
    csv = Files.writeString(dir.resolve("big.csv"), rows.toString(), StandardCharsets.UTF_8);
  }

  private String[] importArgs() {
    return new String[] {"import", csv.toString(), "--base-url", wm.baseUrl(), "--event", AttendeeFileTest.EVENT,
        "--type", AttendeeFileTest.TYPE, "--ticket", AttendeeFileTest.TICKET + ":嘉宾", "--concurrency", "1"};
  }

  /** picocli's factory, making the import command with {@code senders} instead of the client's registerAttendee. */
  private static CommandLine.IFactory importSending(Function<Huiyi31Client, ImportRun.Sender> senders) {
    return new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> cls) throws Exception {
        if (cls != ImportCommand.class) {
          return CommandLine.defaultFactory().create(cls);
        }
        ImportCommand command = new ImportCommand();
        command.senders = senders;
        return (K) command;
      }
    };
  }

  private static Cli.Result run(CommandLine.IFactory factory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Huiyi31Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
        new SecretSources(name -> null, null), new ByteArrayInputStream(new byte[0]), factory);
    return new Cli.Result(exitCode, out.toString(), err.toString());
  }

  @Test
  void aWorkerOutOfMemoryIsOneLineWithExitCode4AndTheSameCommandThenResumes() throws IOException {
    AtomicInteger sends = new AtomicInteger();
    CommandLine.IFactory thirdRowRunsOutOfMemory = importSending(client -> request -> {
      if (sends.incrementAndGet() == 3) {
        throw new OutOfMemoryError("Java heap space");
      }
      return client.attendees().registerAttendee(request);
    });

    Cli.Result cli = run(thirdRowRunsOutOfMemory, importArgs());

    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(Huiyi31Cli.OUT_OF_MEMORY).isEqualTo(4);
    assertThat(cli.err().lines().filter(line -> !line.startsWith("0/") && !line.contains("done,")))
        .as(cli.err()).hasSize(1).first().asString()
        .startsWith("Out of memory: the Java heap (at most ")
        .contains(" MiB) is full. The import stopped. Its journal is consistent: running the same command again "
            + "resumes where it stopped (a row in flight counts as unknown and is not sent again).",
            "Give Java more memory, e.g. JAVA_TOOL_OPTIONS=-Xmx1g (or java -Xmx1g -jar huiyi31.jar ...).");
    assertThat(cli.err()).doesNotContain("OutOfMemoryError", "\tat ");
    Map<String, String> states = journalStates();
    assertThat(states).containsAllEntriesOf(Map.of("2", "REGISTERED", "3", "REGISTERED", "4", "SENDING"))
        .doesNotContainKeys("6", "7");
    // Row 5 may have been journaled by the second worker meanwhile: then the journal says it was not sent.
    assertThat(states.getOrDefault("5", "FAILED_NOT_SENT")).as("row 5").isEqualTo("FAILED_NOT_SENT");

    Cli.Result resumed = Cli.run(importArgs());

    assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(Huiyi31Cli.PARTIAL);
    for (int i = 1; i <= ROWS; i++) {
      assertThat(received("oom-" + i)).as("oom-" + i + " received").isEqualTo(i == 3 ? 0 : 1);
    }
    assertThat(Files.readString(dir.resolve("big.result.csv"))).contains("oom-3,13900000003,UNKNOWN,");
    assertThat(resumed.out()).contains("Outcome unknown", "line 4");
  }

  @Test
  void anOutOfMemoryInTheCommandsOwnThreadReadsTheSame() {
    Cli.Result cli = run(importSending(client -> {
      throw new OutOfMemoryError("Java heap space"); // while setting up the sending, in the command's thread
    }), importArgs());

    assertThat(cli.exitCode()).isEqualTo(Huiyi31Cli.OUT_OF_MEMORY);
    assertThat(cli.err()).contains("Out of memory: the Java heap", "The import stopped. Its journal is consistent",
        "JAVA_TOOL_OPTIONS=-Xmx1g").doesNotContain("OutOfMemoryError", "\tat ");
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(PATH)))).isEmpty();
  }

  @Test
  void anotherInternalErrorIsNotReportedAsMemory() {
    Cli.Result cli = run(importSending(client -> {
      throw new IllegalStateException("a bug");
    }), importArgs());

    assertThat(cli.exitCode()).isEqualTo(Huiyi31Cli.FAILED);
    assertThat(cli.err()).doesNotContain("Out of memory").contains("IllegalStateException: a bug");
  }

  @Test
  void forRegisterTheLineSaysToCheckThePlatformBeforeRunningItAgain() {
    assertThat(OutOfMemory.message("register"))
        .contains("may or may not be registered: check the platform before running the command again",
            "JAVA_TOOL_OPTIONS=-Xmx1g")
        .doesNotContain("journal");
    assertThat(OutOfMemory.causedIt(new IllegalStateException("an import worker failed", new OutOfMemoryError()))).isTrue();
  }

  @Test
  void anOutOfMemoryErrorInAnotherThreadPrintsTheLineAndExitsWith4() {
    StringWriter err = new StringWriter();
    List<Integer> exits = new ArrayList<>();
    Thread.UncaughtExceptionHandler handler = OutOfMemory.uncaughtHandler(new PrintWriter(err), "import", exits::add);

    handler.uncaughtException(new Thread("OkHttp TaskRunner"), new OutOfMemoryError("Java heap space"));

    assertThat(exits).containsExactly(Huiyi31Cli.OUT_OF_MEMORY);
    assertThat(err.toString().lines()).hasSize(1).first().asString().contains("The import stopped");

    StringWriter other = new StringWriter();
    OutOfMemory.uncaughtHandler(new PrintWriter(other), "import", exits::add)
        .uncaughtException(new Thread("worker"), new IllegalStateException("a bug"));
    assertThat(exits).as("no exit for another error").hasSize(1);
    assertThat(other.toString()).startsWith("Exception in thread \"worker\" java.lang.IllegalStateException: a bug");
  }

  @Test
  void theHelpListsExitCode4() {
    assertThat(Cli.run("--help").out().replaceAll("\\s+", " ")).contains("4 out of memory: give Java more "
        + "(JAVA_TOOL_OPTIONS=-Xmx1g)", "130/143 stopped by Ctrl-C (SIGINT) or SIGTERM");
    assertThat(Cli.run("import", "--help").out().replaceAll("\\s+", " "))
        .contains("4 out of memory", "130/143 stopped by Ctrl-C (SIGINT) or SIGTERM");
  }

  private int received(String name) {
    return wm.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("\"" + name + "\""))).size();
  }

  /** Each journaled line's latest event. */
  private Map<String, String> journalStates() throws IOException {
    Map<String, String> states = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("big.csv.journal"), StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t");
      if (!line.startsWith("#") && fields.length > 3 && !fields[1].equals("JOURNAL") && !fields[1].equals("RUN")) {
        states.put(fields[2], fields[1]);
      }
    }
    return states;
  }
}

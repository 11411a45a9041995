package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.sandbox.Drift;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code huiyi31 sandbox --drift KIND[,KIND]}: a sandbox that drifts as documented, for other languages' drift checks too. */
class SandboxDriftOptionTest {

  @Test
  void theNamedDriftsAreAnnouncedAndWhatDriftReports() throws Exception {
    SandboxCommand command = new SandboxCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));

    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
        cli.execute("--port", "0", "--drift", "EXTRA_PROPERTY,INT32_OVERFLOW"));
    Huiyi31Sandbox sandbox = command.awaitListening(Duration.ofSeconds(30));
    assertThat(sandbox).isNotNull();
    try {
      assertThat(out.toString()).contains("Drifting from the contract (--drift):",
          "  EXTRA_PROPERTY: " + Drift.EXTRA_PROPERTY.description(), "  INT32_OVERFLOW: " + Drift.INT32_OVERFLOW.description())
          .doesNotContain("KEY_CASING:");

      Cli.Result drift = Cli.runWithSecret(Huiyi31Sandbox.DEMO_APP_SECRET, DriftFixtures.args("drift", sandbox));

      assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
      assertThat(drift.out()).contains("FORMAT_MISMATCH  $.expires_in", "UNDECLARED_PROPERTY  $.data.attendeeTypes[*].sortOrder",
          "Drift: 2 findings.");
    } finally {
      command.stop();
    }
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void helpDocumentsEveryDriftKindAndAnUnknownOneIsAUsageError() {
    Cli.Result help = Cli.run("sandbox", "--help");
    Cli.Result unknown = Cli.run("sandbox", "--port", "0", "--drift", "EXTRA_PROPERTY,RENAMED_PATH");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--drift", "Drift kinds (--drift):");
    String unwrapped = help.out().replaceAll("\\s", ""); // picocli wraps the footer at 80 columns
    for (Drift drift : Drift.values()) {
      assertThat(unwrapped).contains((drift + ": " + drift.description()).replaceAll("\\s", ""));
    }
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("RENAMED_PATH");
  }
}

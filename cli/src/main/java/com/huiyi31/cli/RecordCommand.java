package com.huiyi31.cli;

import com.huiyi31.cli.drift.Recording;
import com.huiyi31.cli.terminal.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code huiyi31 record}: the exchanges of {@code drift}, written as masked contract-test
 * fixtures ({@link com.huiyi31.cli.drift.DriftCheck#record}) and validated as the contract tests
 * validate them.
 */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Records the platform's answers as contract-test fixtures, personal data and ids masked.",
        "Makes the exchanges of huiyi31 drift (a token grant, the attendee-type list of --event, one Register only with "
            + "--register-with FILE; the test environment unless --base-url or --env) and writes them as contract-test "
            + "fixtures under --out: token/NAME/, attendee-types/NAME/ and NAME/ (Register), each with case.json (where "
            + "and when it was recorded, status, content type), request.json (never for the token) and the answer.",
        "Names, mobile numbers, emails, form answers, ids and order numbers are replaced by fakes (张晓明 -> 测试甲, a "
            + "fake mobile, fake GUIDs and order numbers; one real value, one fake, throughout the recording); tokens are "
            + "removed; the files are created readable by you only. Each fixture is then validated as the contract tests "
            + "validate it, and any part that contradicts the spec is named."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:recorded, and every fixture validates against the contract",
        "1:a fixture contradicts the contract, or something could not be recorded",
        "2:usage error or invalid input (nothing was sent or written)"})
final class RecordCommand implements Callable<Integer> {

  @Mixin
  PlatformOptions platform;

  @Mixin
  CredentialOptions credentials;

  @Mixin
  DriftOptions target;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Where to write the fixtures, e.g. contract-tests/src/test/resources/recorded (the contract tests "
          + "replay every case folder there).")
  Path out;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The cases' folder name (letters, digits, . _ -). Default: recorded-DATE, e.g. recorded-2026-12-01.")
  String name;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    String caseName = name != null ? name : "recorded-" + LocalDate.now(ZoneOffset.UTC);
    Recording recording;
    try {
      recording = target.check(commandLine, platform, credentials).record(out, caseName);
    } catch (FileAlreadyExistsException e) {
      throw new CommandLine.ParameterException(commandLine, TerminalText.safe(e.getFile()) + ": " + e.getReason() + ".");
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--name: " + e.getMessage());
    } catch (IOException e) {
      commandLine.getErr().println("Could not write the fixtures: " + TerminalText.safe(String.valueOf(e.getMessage())));
      commandLine.getErr().flush();
      return Huiyi31Cli.FAILED;
    }
    PrintWriter stdout = commandLine.getOut();
    stdout.println("Wrote " + recording.files().size() + " files:");
    recording.files().forEach(file -> stdout.println("  " + TerminalText.safe(file.toString())));
    recording.unchecked().forEach(reason -> stdout.println("Not recorded: " + TerminalText.safe(reason)));
    if (recording.contradictions().isEmpty()) {
      stdout.println("Every fixture validates against the contract.");
    } else {
      stdout.println("These fixtures contradict the contract (update openapi/openapi.yaml, or, if the platform is wrong, "
          + "say so in case.json's offContract):");
      recording.contradictions().forEach(line -> stdout.println("  " + TerminalText.safe(line)));
    }
    stdout.flush();
    return recording.valid() ? Huiyi31Cli.OK : Huiyi31Cli.FAILED;
  }
}

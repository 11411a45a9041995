package com.huiyi31.cli;

import com.huiyi31.cli.drift.DriftReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code huiyi31 drift}: whether the platform still answers as the contract says
 * ({@link com.huiyi31.cli.drift.DriftCheck}), for a nightly job against the test environment.
 */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Checks whether the platform still answers as the contract (openapi.yaml) says.",
        "Run it nightly against the test environment; when it reports drift, record (huiyi31 record), update the spec, "
            + "let the breaking-change gate judge, regenerate, release.",
        "It sends only harmless requests: a token grant (--app-key; the secret from HUIYI31_APP_SECRET or a prompt) and "
            + "the attendee-type list of --event, plus one Register only with --register-with FILE. Default target: the "
            + "platform's test environment (--env test); this command starts no sandbox.",
        "Every answer is read raw and judged strictly, beyond what clients tolerate: undeclared properties (path and "
            + "JSON type, never the value), missing declared properties, other key casing, type and format mismatches "
            + "(int32, int64, date-time, uuid), values of enum-like properties (an enum, or a string or integer named "
            + "...Type or ...Status) that no example of the spec shows, and other content types. It prints no token "
            + "and no personal data."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no drift: every answer keeps the contract",
        "1:drift, or something could not be checked (a refused token, a failed connection, a refusal)",
        "2:usage error or invalid input (nothing was sent)"})
final class DriftCommand implements Callable<Integer> {

  @Mixin
  PlatformOptions platform;

  @Mixin
  CredentialOptions credentials;

  @Mixin
  DriftOptions target;

  @Option(names = "--json", description = "Print the report as JSON (drift, complete, checked, findings, unchecked).")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    DriftReport report = target.check(commandLine, platform, credentials).run();
    PrintWriter out = commandLine.getOut();
    out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
    out.flush();
    return report.hasDrift() || !report.complete() ? Huiyi31Cli.FAILED : Huiyi31Cli.OK;
  }
}

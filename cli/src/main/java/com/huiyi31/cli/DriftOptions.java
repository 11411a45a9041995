package com.huiyi31.cli;

import com.huiyi31.cli.drift.DriftCheck;
import com.huiyi31.client.Huiyi31ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What {@code drift} and {@code record} exchange with the platform: the event whose attendee
 * types are asked for, and, only when named, one registration to send. Together with
 * {@link PlatformOptions} (the test environment by default: these commands start no sandbox) and
 * {@link CredentialOptions}, it makes the {@link DriftCheck}.
 */
final class DriftOptions {

  @Option(names = "--event", required = true, paramLabel = "ID",
      description = "An event of the environment (BventId): its attendee-type list is asked for.")
  String event;

  @Option(names = "--register-with", paramLabel = "FILE",
      description = "Also send this Register request (a JSON file in the contract's shape, PascalCase keys, as "
          + "contract-tests' request.json; - for standard input) and check its answer. It creates an order: name a "
          + "registration of a test event. Refused with --env prod.")
  String registerWith;

  /** The check these options, {@code platform} and {@code credentials} describe; usage errors as picocli's. */
  DriftCheck check(CommandLine commandLine, PlatformOptions platform, CredentialOptions credentials) {
    if (!credentials.given()) {
      throw new CommandLine.ParameterException(commandLine, "Missing required option: '--app-key=KEY' (the attendee "
          + "types are behind an access token; the sandbox's key is sandbox-app-key).");
    }
    String baseUrl = platform.baseUrl(commandLine, PlatformOptions.Env.test);
    CredentialOptions.Credentials given = credentials.resolve(commandLine, Huiyi31Cli.secrets(commandLine));
    DriftCheck.Builder check = DriftCheck.builder().baseUrl(baseUrl).oauthBaseUrl(given.oauthUrl())
        .credentials(given.appKey(), given.appSecret()).event(event);
    if (registerWith != null) {
      check.registerWith(registration(commandLine));
    }
    try {
      return check.build();
    } catch (Huiyi31ConfigurationException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }

  private String registration(CommandLine commandLine) {
    try {
      if (registerWith.equals("-")) {
        InputStream in = Huiyi31Cli.stdin(commandLine);
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(registerWith), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new CommandLine.ParameterException(commandLine, "--register-with " + registerWith + ": cannot be read as "
          + "UTF-8 text (" + e.getClass().getSimpleName() + ").");
    }
  }
}

package com.huiyi31.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The app's credentials, for what needs an access token (the attendee type list, and so
 * registration by names): {@code --app-key KEY}, the secret from the environment variable
 * {@value #SECRET_VARIABLE} or, when that is unset and there is a terminal, a prompt without echo.
 * Never a flag: a secret on the command line is visible to other users and kept in shell history.
 */
final class CredentialOptions {

  static final String SECRET_VARIABLE = "HUIYI31_APP_SECRET";

  @Option(names = "--app-key", paramLabel = "KEY",
      description = "The app key issued by 31huiyi (the sandbox's: sandbox-app-key). Its secret comes from the "
          + "environment variable " + SECRET_VARIABLE + " or, when that is unset, a prompt on the terminal; "
          + "there is no flag for it.")
  String appKey;

  @Option(names = "--oauth-url", paramLabel = "URL",
      description = "The token issuer. Default: the platform's for --env test or prod; for --base-url (and the "
          + "embedded sandbox) that URL itself.")
  String oauthUrl;

  /**
   * Catches a secret given as a flag anyway, so that the error does not echo it back (picocli
   * quotes unknown options and their values) and says where the secret goes instead.
   */
  @Option(names = {"--app-secret", "--secret"}, hidden = true, arity = "0..1", paramLabel = "SECRET")
  String secretFlag;

  /** The key and secret, checked; never printed. */
  record Credentials(String appKey, String appSecret, String oauthUrl) {
    @Override
    public String toString() {
      return "Credentials[appKey=" + appKey + ", appSecret=****]";
    }
  }

  /** Whether credentials were asked for (--app-key). */
  boolean given() {
    return appKey != null;
  }

  /**
   * The credentials, with the secret from {@code sources}; null without --app-key. A usage error
   * (exit 2) when the key is blank, --oauth-url comes without --app-key, or no secret is available.
   */
  Credentials resolve(CommandLine commandLine, SecretSources sources) {
    if (secretFlag != null) {
      throw new CommandLine.ParameterException(commandLine, "There is no flag for the app secret (a secret on the "
          + "command line is visible to other users and kept in shell history): set the environment variable "
          + SECRET_VARIABLE + ", or leave it unset to be asked on the terminal.");
    }
    if (appKey == null) {
      if (oauthUrl != null) {
        throw new CommandLine.ParameterException(commandLine, "--oauth-url is only used with --app-key.");
      }
      return null;
    }
    if (appKey.isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--app-key must not be blank.");
    }
    String secret = sources.environment().apply(SECRET_VARIABLE);
    if (secret == null || secret.isEmpty()) {
      secret = null;
      if (sources.prompt() != null) {
        char[] typed = sources.prompt().readSecret("App secret for " + appKey.strip() + " (not shown as you type): ");
        secret = typed == null ? null : new String(typed);
        if (typed != null) {
          java.util.Arrays.fill(typed, '\0');
        }
      }
    }
    if (secret == null || secret.isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--app-key " + appKey.strip() + " needs its app secret: set "
          + "the environment variable " + SECRET_VARIABLE + (sources.prompt() == null
              ? " (there is no terminal to ask on)" : ", or type it when asked")
          + ". The tool takes no secret on the command line, where other users and the shell history could see it.");
    }
    return new Credentials(appKey.strip(), secret.strip(), oauthUrl);
  }
}

package com.huiyi31.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the {@code huiyi31} tool in this JVM, as a person would from a shell, for tests of other packages. */
public final class Cli {

  /** The exit code and what the tool printed. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  private Cli() {}

  /** Runs the tool with no app secret available (no environment variable, no terminal), whatever this machine has. */
  public static Result run(String... args) {
    return run(new SecretSources(name -> null, null), args);
  }

  /** Runs the tool with {@code secret} in the environment variable HUIYI31_APP_SECRET. */
  public static Result runWithSecret(String secret, String... args) {
    return run(new SecretSources(name -> name.equals(CredentialOptions.SECRET_VARIABLE) ? secret : null, null), args);
  }

  /** Runs the tool with {@code stdin} (UTF-8) as its standard input, and no app secret available. */
  public static Result runWithInput(String stdin, String... args) {
    return run(new SecretSources(name -> null, null), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static Result run(SecretSources secrets, String... args) {
    return run(secrets, new ByteArrayInputStream(new byte[0]), args);
  }

  static Result run(SecretSources secrets, InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Huiyi31Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), secrets, stdin);
    return new Result(exitCode, out.toString(), err.toString());
  }
}

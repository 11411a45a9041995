package com.huiyi31.cli;

import java.io.Console;
import java.util.function.Function;

/**
 * Where the tool may read the app secret from: an environment variable, or a prompt on the
 * terminal that does not echo what is typed. Never the command line (other users see it in the
 * process list, the shell keeps it in its history). Tests give their own.
 *
 * @param environment looks up an environment variable (null when unset)
 * @param prompt asks a person for a secret without echo; null when there is no terminal
 */
record SecretSources(Function<String, String> environment, Prompt prompt) {

  /** Asks for a secret without echoing it; returns null when the input ended. */
  @FunctionalInterface
  interface Prompt {
    char[] readSecret(String question);
  }

  /** The process's environment, and its terminal when it has one. */
  static SecretSources system() {
    Console console = System.console();
    return new SecretSources(System::getenv, console == null ? null : question -> console.readPassword("%s", question));
  }
}

package com.huiyi31.examples;

/**
 * Placeholder for the {@code huiyi31} command-line tool (register, import, sandbox), which the
 * CLI issue builds. It exists so that the module layout is final from the start.
 */
public final class Huiyi31Cli {

  private Huiyi31Cli() {}

  public static void main(String[] args) {
    System.err.println("huiyi31: the command-line tool is not built yet; see README.md.");
    System.exit(2);
  }
}

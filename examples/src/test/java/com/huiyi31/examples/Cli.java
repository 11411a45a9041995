package com.huiyi31.examples;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the tool in this JVM, as picocli's own tests do, and keeps what it printed. */
final class Cli {

  final int exitCode;
  final String out;
  final String err;

  private Cli(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Huiyi31Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(exitCode, out.toString(), err.toString());
  }
}

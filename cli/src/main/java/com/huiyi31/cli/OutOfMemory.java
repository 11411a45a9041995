package com.huiyi31.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * What the tool says when Java runs out of memory (a large import under a small {@code -Xmx}):
 * one line saying what happened, what it means for the work, and how to give Java more memory,
 * instead of an {@link OutOfMemoryError}'s stack trace; and exit code
 * {@value Huiyi31Cli#OUT_OF_MEMORY}.
 */
final class OutOfMemory {

  private OutOfMemory() {}

  /** Whether {@code thrown} is, or was caused by, an OutOfMemoryError (an import's worker reports it as a cause). */
  static boolean causedIt(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /**
   * The one line to print: for {@code command} (import, register, ... or null when unknown). The
   * import's claim holds because the journal records each row before it is sent and is closed (forced)
   * on the way out: a row in flight at the error counts as unknown and is not sent again.
   */
  static String message(String command) {
    String what = "Out of memory: the Java heap (at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB) is full.";
    String work;
    if ("import".equals(command)) {
      work = " The import stopped. Its journal is consistent: running the same command again resumes where it stopped "
          + "(a row in flight counts as unknown and is not sent again).";
    } else if ("register".equals(command)) {
      work = " The attendee may or may not be registered: check the platform before running the command again.";
    } else {
      work = "";
    }
    return what + work + " Give Java more memory, e.g. JAVA_TOOL_OPTIONS=-Xmx1g (or java -Xmx1g -jar huiyi31.jar ...).";
  }

  /**
   * For threads other than the command's (the embedded sandbox's, the HTTP client's): an
   * OutOfMemoryError prints {@link #message} and ends the process through {@code exit} with
   * {@link Huiyi31Cli#OUT_OF_MEMORY}, so that an import's shutdown hook still stops the sending and
   * writes the results; anything else is printed as the JVM would.
   */
  static Thread.UncaughtExceptionHandler uncaughtHandler(PrintWriter err, String command, IntConsumer exit) {
    return (thread, thrown) -> {
      if (causedIt(thrown)) {
        err.println(message(command));
        err.flush();
        exit.accept(Huiyi31Cli.OUT_OF_MEMORY);
      } else {
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        thrown.printStackTrace(err);
        err.flush();
      }
    };
  }
}

package com.huiyi31.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code huiyi31 import}: registers the attendees of a CSV file (being built). */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Registers every attendee of a CSV file.")
final class ImportCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("import is not built yet");
  }
}

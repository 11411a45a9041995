package com.huiyi31.cli;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which event and attendee type to register for: {@code --event ID} and exactly one of
 * {@code --type ID} or {@code --type-name NAME} (a name needs {@code --app-key}: it is looked up in
 * the event's type list).
 */
final class EventOptions {

  @Option(names = "--event", required = true, paramLabel = "ID", description = "The event id (BventId).")
  String event;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Type type;

  static final class Type {
    @Option(names = "--type", required = true, paramLabel = "ID", description = "The attendee type id (AttendeeTypeId).")
    String id;

    @Option(names = "--type-name", required = true, paramLabel = "NAME",
        description = "Or the attendee type by name, e.g. 嘉宾 (needs --app-key; huiyi31 types lists them).")
    String name;
  }

  /** The type as given: its id or its name. */
  String type() {
    return type.id != null ? type.id : type.name;
  }

  /** A usage error when a type is named without credentials ({@code byNames}: whether they were given). */
  void check(CommandLine commandLine, boolean byNames) {
    if (type.name != null && !byNames) {
      throw new CommandLine.ParameterException(commandLine, "--type-name needs --app-key: names are looked up in the "
          + "event's attendee types, which need the app's credentials. Without them, give --type ID.");
    }
  }
}

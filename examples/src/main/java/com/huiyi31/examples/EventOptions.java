package com.huiyi31.examples;

import picocli.CommandLine.Option;

/** Which event and attendee type to register for: {@code --event ID --type ID}. */
final class EventOptions {

  @Option(names = "--event", required = true, paramLabel = "ID", description = "The event id (BventId).")
  String event;

  @Option(names = "--type", required = true, paramLabel = "ID", description = "The attendee type id (AttendeeTypeId).")
  String type;
}

package com.huiyi31.cli.imports;

/**
 * How a row ended, by this run or, read back from the journal, an earlier one. The one place
 * where outcomes and journal states meet: {@link #journalState} is the event a worker writes,
 * {@link #of} the outcome a journaled state stands for. The result file's {@code status} column and
 * the summary say {@link #status}, the journal's word.
 */
enum RowOutcome {
  /** The platform registered the row: its order is known. */
  REGISTERED(Journal.State.REGISTERED),
  /** The platform answered with a businessCode: the same request gets the same answer. */
  REFUSED(Journal.State.REFUSED),
  /** The request never left this machine: nothing exists on the platform. */
  NOT_SENT(Journal.State.FAILED_NOT_SENT),
  /** The platform received the request and did nothing (HTTP 3xx/4xx): nothing exists on the platform. */
  NOT_PROCESSED(Journal.State.FAILED_NOT_PROCESSED),
  /** The platform may have registered the row (timeout, reset, 5xx, or in flight when the import stopped). */
  UNKNOWN(Journal.State.UNKNOWN);

  private final Journal.State journalState;

  RowOutcome(Journal.State journalState) {
    this.journalState = journalState;
  }

  /** The journal event that records this outcome. */
  Journal.State journalState() {
    return journalState;
  }

  /**
   * What a row's latest journal event says of it. A {@code SENDING} without a later outcome was in
   * flight when the import stopped: the platform may have registered it, so it is {@link #UNKNOWN}.
   */
  static RowOutcome of(Journal.State state) {
    return switch (state) {
      case SENDING, UNKNOWN -> UNKNOWN;
      case REGISTERED -> REGISTERED;
      case REFUSED -> REFUSED;
      case FAILED_NOT_SENT -> NOT_SENT;
      case FAILED_NOT_PROCESSED -> NOT_PROCESSED;
    };
  }

  /** The word for it in the result file's {@code status} column and the summary: the journal's. */
  String status() {
    return journalState.name();
  }

  /** Nothing exists on the platform for the row ({@link #NOT_SENT}, {@link #NOT_PROCESSED}): a re-run sends it. */
  boolean nothingOnThePlatform() {
    return this == NOT_SENT || this == NOT_PROCESSED;
  }
}

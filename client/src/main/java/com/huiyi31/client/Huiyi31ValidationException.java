package com.huiyi31.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was refused before sending: nothing left this machine. {@link #problems()} lists
 * every problem found, each with the JSON path of the value concerned.
 */
public final class Huiyi31ValidationException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  /** One thing wrong with a request: where ({@code $.Items[0].Quantity}) and what. */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path + " " + message;
    }
  }

  private final List<Problem> problems;

  Huiyi31ValidationException(List<Problem> problems) {
    super("The request was not sent: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + ": "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")) + ".",
        Outcome.NOT_SENT, null);
    this.problems = List.copyOf(problems);
  }

  Huiyi31ValidationException(String problem, Throwable cause) {
    super("The request was not sent: " + problem, Outcome.NOT_SENT, cause);
    this.problems = List.of(new Problem("$", problem));
  }

  /** Every problem found, in the order of the request's properties. */
  public List<Problem> problems() {
    return problems;
  }
}

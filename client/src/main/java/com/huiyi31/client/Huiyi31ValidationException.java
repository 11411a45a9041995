package com.huiyi31.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request was refused before sending: nothing left this machine. {@link #problems()} lists
 * every problem found, each saying which part of the request it is about ({@link Problem#subject()},
 * {@link Problem#fieldName()}), where ({@link Problem#path()}) and what ({@link Problem#message()}).
 */
public final class Huiyi31ValidationException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  /**
   * The part of a request a {@link Problem} is about, so that a caller can point at its own input
   * (a form, a CSV column, a command-line option) without reading the message.
   */
  public enum Subject {
    /** The request as a whole: it is missing, or could not be written. */
    REQUEST,
    /** The event ({@code BventId}, or the event id given to {@code registration}). */
    EVENT,
    /** The attendee type ({@code AttendeeTypeId}, or the type named in a {@link Registrant}). */
    TYPE,
    /** The ticket ({@code Items}, or the ticket named in a {@link Registrant}). */
    TICKET,
    /** A session booked with the ticket ({@code Agendas}, or an agenda of a {@link Registrant}). */
    AGENDA,
    /**
     * The attendee's form answers ({@code Attendee.Fields}). {@link Problem#fieldName()} names the
     * field when the problem is about one field; it is empty when it is about the answers as a
     * whole (none given, no mobile number or email among them) or a field without a name.
     */
    FIELD,
    /** The purchaser, the contact who places the order ({@code Purchaser}). */
    PURCHASER
  }

  /**
   * One thing wrong with a request: what part of it ({@link #subject()}, and for a form field
   * {@link #fieldName()}), where ({@link #path()}: {@code $.Items[0].Quantity}, or for
   * registration by names {@code type}, {@code ticket}, {@code field "手机"}, {@code agendas[0]})
   * and what ({@link #message()}). The message never quotes a value the caller gave (it may be
   * personal data).
   *
   * @param subject the part of the request the problem is about
   * @param fieldName for a {@link Subject#FIELD} problem about one field, the field as the caller
   *     named it: its {@code FieldName} in a Register request, or the label or name given to
   *     {@link Registrant.Builder#field(String, String)}; otherwise empty
   * @param path where in the request, as above
   * @param message what is wrong, starting with a verb ("is missing or blank")
   */
  public record Problem(Subject subject, Optional<String> fieldName, String path, String message) {

    /**
     * A problem as described above.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a field name is given for a subject other than {@link Subject#FIELD}
     */
    public Problem {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(fieldName, "fieldName (Optional.empty() for none)");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(message, "message");
      if (fieldName.isPresent() && subject != Subject.FIELD) {
        throw new IllegalArgumentException("a field name is for FIELD problems only, not " + subject);
      }
    }

    /** A problem about a part of the request that is not one named form field. */
    public Problem(Subject subject, String path, String message) {
      this(subject, Optional.empty(), path, message);
    }

    /** A problem about one form field, named as the caller named it. */
    static Problem field(String fieldName, String path, String message) {
      return new Problem(Subject.FIELD, Optional.of(fieldName), path, message);
    }

    /** "path message", as in the exception's message. */
    @Override
    public String toString() {
      return path + " " + message;
    }
  }

  private final List<Problem> problems;

  /**
   * An exception listing {@code problems}, as {@link Huiyi31Client} throws it: for tests of code
   * that calls the client (a mocked {@code AttendeeApi} throwing what the real one would). Its
   * outcome is {@link Outcome#NOT_SENT}; its message lists every problem (path and message).
   *
   * @param problems at least one problem
   * @throws NullPointerException if {@code problems} is or contains null
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public Huiyi31ValidationException(List<Problem> problems) {
    super(message(problems), Outcome.NOT_SENT, null);
    this.problems = List.copyOf(problems);
  }

  Huiyi31ValidationException(String problem, Throwable cause) {
    super("The request was not sent: " + problem, Outcome.NOT_SENT, cause);
    this.problems = List.of(new Problem(Subject.REQUEST, "$", problem));
  }

  private static String message(List<Problem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems is empty: a validation exception lists at least one problem");
    }
    return "The request was not sent: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + ": "
        + problems.stream().map(p -> Objects.requireNonNull(p, "a problem").toString()).collect(Collectors.joining("; "))
        + ".";
  }

  /** Every problem found, in the order of the request's properties. */
  public List<Problem> problems() {
    return problems;
  }
}

package com.huiyi31.client;

import com.huiyi31.client.Huiyi31ValidationException.Problem;
import com.huiyi31.client.Huiyi31ValidationException.Subject;
import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Checks a request against the contract and the platform's documented rules before any byte is
 * sent, and reports every problem at once with its subject and JSON path. Messages never quote
 * the values (they may be personal data); field names are quoted (they are not).
 */
final class RequestValidator {

  /** The checks of one request body type. */
  private record Check<T>(Class<T> type, BiConsumer<RequestValidator, T> check) {
    void apply(RequestValidator validator, Object request) {
      check.accept(validator, type.cast(request));
    }
  }

  /**
   * One line per request body type of the contract: {@link #problemsOf(Object)} dispatches on this
   * list and {@link #COVERED} is read from it, so the two cannot disagree.
   */
  private static final List<Check<?>> CHECKS = List.of(
      new Check<>(RegisterAttendeeRequest.class, RequestValidator::check),
      new Check<>(ListAttendeeTypesRequest.class,
          (validator, request) -> validator.requireText(Subject.EVENT, "$.BventId", request.getBventId())));

  /**
   * Every request body type checked here. OperationCoverageTest fails when a generated operation
   * takes a body that is not one of them.
   */
  static final Set<Class<?>> COVERED = CHECKS.stream().map(Check::type).collect(Collectors.toUnmodifiableSet());

  /** Created on the first problem: a valid request (the usual case) allocates nothing here. */
  private List<Problem> problems;

  private RequestValidator() {}

  /** Throws a {@link Huiyi31ValidationException} listing every problem of a request that is not sendable. */
  static void validate(Object request) {
    List<Problem> problems = problemsOf(request);
    if (!problems.isEmpty()) {
      throw new Huiyi31ValidationException(problems);
    }
  }

  /** Every problem of a request, in the order of its properties; empty when it is sendable. */
  static List<Problem> problemsOf(Object request) {
    if (request == null) {
      return List.of(new Problem(Subject.REQUEST, "$", "is null: a request object is needed"));
    }
    RequestValidator validator = new RequestValidator();
    for (Check<?> check : CHECKS) {
      if (check.type().isInstance(request)) {
        check.apply(validator, request);
        break;
      }
    }
    return validator.problems == null ? List.of() : validator.problems;
  }

  private void check(RegisterAttendeeRequest request) {
    requireText(Subject.EVENT, "$.BventId", request.getBventId());
    requireText(Subject.TYPE, "$.AttendeeTypeId", request.getAttendeeTypeId());

    if (request.getAttendee() == null) {
      problem(Subject.FIELD, "$.Attendee", "is missing");
    } else {
      checkFields(request.getAttendee().getFields());
    }

    // Purchaser before Items: problems are listed in the order of the request's properties.
    Purchaser purchaser = request.getPurchaser();
    if (purchaser != null && purchaser.getMobile() != null && !isMobile(purchaser.getMobile())) {
      problem(Subject.PURCHASER, "$.Purchaser.Mobile", "is not a mobile number (digits, optionally a leading +)");
    }

    List<TicketItem> items = request.getItems();
    if (items == null) {
      problem(Subject.TICKET, "$.Items", "is missing (a ticket item is required)");
    } else if (items.isEmpty()) {
      problem(Subject.TICKET, "$.Items", "is empty (a ticket item is required)");
    } else {
      for (int i = 0; i < items.size(); i++) {
        checkItem(i, items.get(i));
      }
    }

    List<AgendaChoice> agendas = request.getAgendas();
    if (agendas != null) {
      for (int i = 0; i < agendas.size(); i++) {
        if (agendas.get(i) == null) {
          problem(Subject.AGENDA, "$.Agendas[" + i + "]", "is null");
        }
      }
    }
  }

  private void checkFields(List<FormField> fields) {
    boolean hasContact = false;
    if (fields != null) {
      for (int i = 0; i < fields.size(); i++) {
        FormField field = fields.get(i);
        if (field == null) {
          problem(Subject.FIELD, fieldPath(i, ""), "is null");
          continue;
        }
        String name = field.getFieldName();
        if (isBlank(name)) {
          problem(Subject.FIELD, fieldPath(i, ".FieldName"), "is missing or blank");
          continue;
        }
        int first = firstWithName(fields, i, name.strip());
        if (first >= 0) {
          fieldProblem(name, fieldPath(i, ".FieldName"), "repeats \"" + name + "\" of " + fieldPath(first, ""));
        }
        String value = field.getFieldValue();
        if (value == null) {
          fieldProblem(name, fieldPath(i, ".FieldValue"), "is missing");
          continue;
        }
        if (name.equalsIgnoreCase("Mobile") && !value.isBlank()) {
          hasContact = true;
          if (!isMobile(value)) {
            fieldProblem(name, fieldPath(i, ".FieldValue"), "is not a mobile number (digits, optionally a leading +)");
          }
        } else if (name.equalsIgnoreCase("Email") && !value.isBlank()) {
          hasContact = true;
          if (!isEmail(value.strip())) {
            fieldProblem(name, fieldPath(i, ".FieldValue"), "is not an email address");
          }
        }
      }
    }
    if (!hasContact) {
      problem(Subject.FIELD, "$.Attendee.Fields", "has no non-empty Mobile or Email field (the platform requires one of them)");
    }
  }

  /**
   * The index of an earlier field with the same name, or -1. The server matches names
   * case-insensitively, so "mobile" and "Mobile" are one field. (Pairwise: forms have a handful
   * of fields, and this allocates nothing.)
   */
  private static int firstWithName(List<FormField> fields, int before, String name) {
    for (int j = 0; j < before; j++) {
      FormField earlier = fields.get(j);
      if (earlier != null && earlier.getFieldName() != null && earlier.getFieldName().strip().equalsIgnoreCase(name)) {
        return j;
      }
    }
    return -1;
  }

  private static String fieldPath(int index, String property) {
    return "$.Attendee.Fields[" + index + "]" + property;
  }

  private void checkItem(int index, TicketItem item) {
    if (item == null) {
      problem(Subject.TICKET, "$.Items[" + index + "]", "is null");
      return;
    }
    if (isBlank(item.getItemSkuId())) {
      problem(Subject.TICKET, "$.Items[" + index + "].ItemSkuId", "is missing or blank");
    }
    if (isBlank(item.getItemSkuName())) {
      problem(Subject.TICKET, "$.Items[" + index + "].ItemSkuName", "is missing or blank");
    }
    if (item.getQuantity() == null) {
      problem(Subject.TICKET, "$.Items[" + index + "].Quantity", "is missing");
    } else if (item.getQuantity() < 1) {
      problem(Subject.TICKET, "$.Items[" + index + "].Quantity", "is " + item.getQuantity() + "; it must be at least 1");
    }
  }

  /** Digits (5 to 20) with an optional leading +, allowing the spaces, dashes and brackets people type. */
  private static boolean isMobile(String value) {
    int digits = 0;
    boolean plus = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '+') {
        if (plus || digits > 0) {
          return false; // one plus, before the digits
        }
        plus = true;
      } else if (!Character.isWhitespace(c) && c != '-' && c != '(' && c != ')') {
        return false;
      }
    }
    return digits >= 5 && digits <= 20;
  }

  /** One "@", something before it, and a domain with a dot that is neither first nor last; no spaces. */
  private static boolean isEmail(String value) {
    int at = value.indexOf('@');
    int dot = value.lastIndexOf('.');
    if (at <= 0 || at != value.lastIndexOf('@') || dot <= at + 1 || dot == value.length() - 1) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private void requireText(Subject subject, String path, String value) {
    if (isBlank(value)) {
      problem(subject, path, "is missing or blank");
    }
  }

  private void problem(Subject subject, String path, String message) {
    add(new Problem(subject, path, message));
  }

  /** A problem of the field named {@code name} (as the request names it). */
  private void fieldProblem(String name, String path, String message) {
    add(Problem.field(name, path, message));
  }

  private void add(Problem problem) {
    if (problems == null) {
      problems = new ArrayList<>();
    }
    problems.add(problem);
  }
}

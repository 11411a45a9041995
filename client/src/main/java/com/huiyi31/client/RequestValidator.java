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
 * the values (they may be personal data); field names are quoted (they are not), unless they are
 * too long to be field names.
 */
final class RequestValidator {

  /**
   * The contract's {@code maxLength}s (openapi.yaml, each marked Inferred there): no string of a
   * request is longer. {@code SpecLimitsTest} holds these to the spec. Lengths count
   * characters (Unicode code points), as JSON Schema does.
   */
  static final class Limits {
    /** Ids are GUIDs ({@code 07320000-fe25-16f7-4c65-08d9fb59aefd}): BventId, AttendeeTypeId, ItemSkuId, AgendaId, ParentSkuId. */
    static final int ID = 36;
    static final int INVITATION_CODE = 100;
    static final int FIELD_NAME = 100;
    /** Any form answer; a Mobile or Email answer has its own, smaller limit. */
    static final int FIELD_VALUE = 2000;
    /** A mobile number: at most 15 digits (E.164), with room for spaces and dashes. */
    static final int MOBILE = 20;
    /** An email address: RFC 5321's limit on a path. */
    static final int EMAIL = 254;
    /** A person's, a company's or a ticket's name. */
    static final int NAME = 500;
    static final int AREA_CODE = 10;

    private Limits() {}
  }

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
          (validator, request) -> validator.requireId(Subject.EVENT, "$.BventId", request.getBventId())));

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
    fits(Subject.REQUEST, "$.InvitationCode", request.getInvitationCode(), Limits.INVITATION_CODE);
    requireId(Subject.EVENT, "$.BventId", request.getBventId());
    requireId(Subject.TYPE, "$.AttendeeTypeId", request.getAttendeeTypeId());

    if (request.getAttendee() == null) {
      problem(Subject.FIELD, "$.Attendee", "is missing");
    } else {
      checkFields(request.getAttendee().getFields());
    }

    // Purchaser before Items: problems are listed in the order of the request's properties.
    Purchaser purchaser = request.getPurchaser();
    if (purchaser != null) {
      fits(Subject.PURCHASER, "$.Purchaser.Name", purchaser.getName(), Limits.NAME);
      fits(Subject.PURCHASER, "$.Purchaser.AreaCode", purchaser.getAreaCode(), Limits.AREA_CODE);
      if (fits(Subject.PURCHASER, "$.Purchaser.Mobile", purchaser.getMobile(), Limits.MOBILE)
          && purchaser.getMobile() != null && !isMobile(purchaser.getMobile())) {
        problem(Subject.PURCHASER, "$.Purchaser.Mobile", "is not a mobile number (digits, optionally a leading +)");
      }
      fits(Subject.PURCHASER, "$.Purchaser.Company", purchaser.getCompany(), Limits.NAME);
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
        AgendaChoice agenda = agendas.get(i);
        if (agenda == null) {
          problem(Subject.AGENDA, "$.Agendas[" + i + "]", "is null");
        } else {
          fits(Subject.AGENDA, "$.Agendas[" + i + "].AgendaId", agenda.getAgendaId(), Limits.ID);
          fits(Subject.AGENDA, "$.Agendas[" + i + "].ParentSkuId", agenda.getParentSkuId(), Limits.ID);
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
        if (!fits(Subject.FIELD, fieldPath(i, ".FieldName"), name, Limits.FIELD_NAME)) {
          continue; // too long to be a field name, so not quoted: nothing more to say of this field
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
          if (fieldFits(name, fieldPath(i, ".FieldValue"), value, Limits.MOBILE) && !isMobile(value)) {
            fieldProblem(name, fieldPath(i, ".FieldValue"), "is not a mobile number (digits, optionally a leading +)");
          }
        } else if (name.equalsIgnoreCase("Email") && !value.isBlank()) {
          hasContact = true;
          if (fieldFits(name, fieldPath(i, ".FieldValue"), value, Limits.EMAIL) && !isEmail(value.strip())) {
            fieldProblem(name, fieldPath(i, ".FieldValue"), "is not an email address");
          }
        } else {
          fieldFits(name, fieldPath(i, ".FieldValue"), value, Limits.FIELD_VALUE);
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
    requireId(Subject.TICKET, "$.Items[" + index + "].ItemSkuId", item.getItemSkuId());
    if (isBlank(item.getItemSkuName())) {
      problem(Subject.TICKET, "$.Items[" + index + "].ItemSkuName", "is missing or blank");
    } else {
      fits(Subject.TICKET, "$.Items[" + index + "].ItemSkuName", item.getItemSkuName(), Limits.NAME);
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

  /** Present, not blank, and no longer than an id. */
  private void requireId(Subject subject, String path, String value) {
    if (isBlank(value)) {
      problem(subject, path, "is missing or blank");
    } else {
      fits(subject, path, value, Limits.ID);
    }
  }

  /** True when {@code value} is absent or at most {@code max} characters; otherwise a problem that gives its length. */
  private boolean fits(Subject subject, String path, String value, int max) {
    int length = length(value, max);
    if (length <= max) {
      return true;
    }
    problem(subject, path, tooLong(length, max));
    return false;
  }

  /** As {@link #fits}, for the value of the form field named {@code name}. */
  private boolean fieldFits(String name, String path, String value, int max) {
    int length = length(value, max);
    if (length <= max) {
      return true;
    }
    fieldProblem(name, path, tooLong(length, max));
    return false;
  }

  /**
   * Characters (code points, as JSON Schema's maxLength counts them); 0 for null. Counted only
   * when the UTF-16 length is over {@code max}: there are never more code points than that.
   */
  private static int length(String value, int max) {
    if (value == null || value.length() <= max) {
      return value == null ? 0 : value.length();
    }
    return value.codePointCount(0, value.length());
  }

  private static String tooLong(int length, int max) {
    return "has " + length + " characters, more than the " + max + " allowed";
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

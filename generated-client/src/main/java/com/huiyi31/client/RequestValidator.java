package com.huiyi31.client;

import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a request against the contract and the platform's documented rules before any byte is
 * sent, and reports every problem at once with its JSON path. Messages never quote the values
 * (they may be personal data); field names are quoted (they are not).
 */
final class RequestValidator {

  /** Digits with an optional leading +, allowing the spaces, dashes and brackets people type. */
  private static final Pattern MOBILE = Pattern.compile("\\+?[0-9]{5,20}");
  private static final Pattern MOBILE_DECORATION = Pattern.compile("[\\s\\-()]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

  private final List<Huiyi31ValidationException.Problem> problems = new ArrayList<>();

  private RequestValidator() {}

  /** Throws a {@link Huiyi31ValidationException} listing every problem of a request that is not sendable. */
  static void validate(Object request) {
    if (request instanceof RegisterAttendeeRequest) {
      RequestValidator validator = new RequestValidator();
      validator.check((RegisterAttendeeRequest) request);
      if (!validator.problems.isEmpty()) {
        throw new Huiyi31ValidationException(validator.problems);
      }
    }
  }

  private void check(RegisterAttendeeRequest request) {
    requireText("$.BventId", request.getBventId());
    requireText("$.AttendeeTypeId", request.getAttendeeTypeId());

    if (request.getAttendee() == null) {
      problem("$.Attendee", "is missing");
    } else {
      checkFields(request.getAttendee().getFields());
    }

    // Purchaser before Items: problems are listed in the order of the request's properties.
    Purchaser purchaser = request.getPurchaser();
    if (purchaser != null && purchaser.getMobile() != null && !isMobile(purchaser.getMobile())) {
      problem("$.Purchaser.Mobile", "is not a mobile number (digits, optionally a leading +)");
    }

    List<TicketItem> items = request.getItems();
    if (items == null) {
      problem("$.Items", "is missing (a ticket item is required)");
    } else if (items.isEmpty()) {
      problem("$.Items", "is empty (a ticket item is required)");
    } else {
      for (int i = 0; i < items.size(); i++) {
        checkItem("$.Items[" + i + "]", items.get(i));
      }
    }

    List<AgendaChoice> agendas = request.getAgendas();
    if (agendas != null) {
      for (int i = 0; i < agendas.size(); i++) {
        if (agendas.get(i) == null) {
          problem("$.Agendas[" + i + "]", "is null");
        }
      }
    }
  }

  private void checkFields(List<FormField> fields) {
    boolean hasContact = false;
    Map<String, Integer> firstIndexByName = new HashMap<>();
    if (fields != null) {
      for (int i = 0; i < fields.size(); i++) {
        String path = "$.Attendee.Fields[" + i + "]";
        FormField field = fields.get(i);
        if (field == null) {
          problem(path, "is null");
          continue;
        }
        String name = field.getFieldName();
        if (name == null || name.isBlank()) {
          problem(path + ".FieldName", "is missing or blank");
          continue;
        }
        // The server matches names case-insensitively, so "mobile" and "Mobile" are one field.
        Integer first = firstIndexByName.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), i);
        if (first != null) {
          problem(path + ".FieldName", "repeats \"" + name + "\" of $.Attendee.Fields[" + first + "]");
        }
        String value = field.getFieldValue();
        if (value == null) {
          problem(path + ".FieldValue", "is missing");
          continue;
        }
        if (name.equalsIgnoreCase("Mobile") && !value.isBlank()) {
          hasContact = true;
          if (!isMobile(value)) {
            problem(path + ".FieldValue", "is not a mobile number (digits, optionally a leading +)");
          }
        } else if (name.equalsIgnoreCase("Email") && !value.isBlank()) {
          hasContact = true;
          if (!EMAIL.matcher(value.strip()).matches()) {
            problem(path + ".FieldValue", "is not an email address");
          }
        }
      }
    }
    if (!hasContact) {
      problem("$.Attendee.Fields", "has no non-empty Mobile or Email field (the platform requires one of them)");
    }
  }

  private void checkItem(String path, TicketItem item) {
    if (item == null) {
      problem(path, "is null");
      return;
    }
    requireText(path + ".ItemSkuId", item.getItemSkuId());
    requireText(path + ".ItemSkuName", item.getItemSkuName());
    if (item.getQuantity() == null) {
      problem(path + ".Quantity", "is missing");
    } else if (item.getQuantity() < 1) {
      problem(path + ".Quantity", "is " + item.getQuantity() + "; it must be at least 1");
    }
  }

  private static boolean isMobile(String value) {
    return MOBILE.matcher(MOBILE_DECORATION.matcher(value).replaceAll("")).matches();
  }

  private void requireText(String path, String value) {
    if (value == null || value.isBlank()) {
      problem(path, "is missing or blank");
    }
  }

  private void problem(String path, String message) {
    problems.add(new Huiyi31ValidationException.Problem(path, message));
  }
}

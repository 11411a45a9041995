package com.huiyi31.sandbox;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check of a JSON request body (Register and the type list): it must be JSON, keep the
 * contract and, for Register, the platform's own rules (mobile or email, no repeated field).
 * Every problem is named in one rejection with the sandbox's own businessCode,
 * {@link #INVALID_REQUEST}. Thread-safe.
 */
final class BodyCheck {

  /** The sandbox's own businessCode for a request that breaks the contract or a platform rule. */
  static final int INVALID_REQUEST = 400;

  /** A broken request can break many rules; the message names this many and counts the rest. */
  private static final int MAX_PROBLEMS_NAMED = 10;

  /** A body's JSON when it keeps the contract; otherwise the rejection to answer. */
  record Checked(JsonNode tree, Answer rejection) {}

  private final ContractCheck contract = ContractCheck.shared();

  /** The body checked against the spec and, with {@code platformRules}, the platform's own rules. */
  Checked check(Received request, boolean platformRules) {
    byte[] body = request.body();
    JsonNode tree = null;
    if (body.length > 0) {
      try {
        tree = JsonAnswers.JSON.readTree(body);
      } catch (JsonProcessingException e) {
        return invalid("the body is not valid JSON: " + describe(e));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // reading from a byte array: does not happen
      }
    }
    List<String> problems = specProblems(request);
    if (platformRules) {
      problems.addAll(ContractCheck.platformRuleProblems(tree));
    }
    if (problems.isEmpty() && tree == null) {
      problems.add("$: the body is empty"); // the spec requires a body, so the validator says so first
    }
    return problems.isEmpty() ? new Checked(tree, null) : invalid(join(problems));
  }

  /** What the contract's validator finds wrong with a POST, one line each. */
  List<String> specProblems(Received request) {
    List<String> problems = new ArrayList<>();
    for (ContractCheck.Problem problem : contract.specProblems(Request.Method.POST, request.path(), request.headers(),
        request.body())) {
      problems.add(problem.line());
    }
    return problems;
  }

  /** The rejection of an invalid request: {@code Invalid request: } and what is wrong. */
  static Checked invalid(String what) {
    return new Checked(null, JsonAnswers.rejection(INVALID_REQUEST, "Invalid request: " + what));
  }

  /** Problems on one line, joined by "; ", the first {@link #MAX_PROBLEMS_NAMED} named and the rest counted. */
  static String join(List<String> problems) {
    if (problems.size() <= MAX_PROBLEMS_NAMED) {
      return String.join("; ", problems);
    }
    return String.join("; ", problems.subList(0, MAX_PROBLEMS_NAMED))
        + "; and " + (problems.size() - MAX_PROBLEMS_NAMED) + " more";
  }

  /** Jackson's complaint on one line, with where it is: "Unexpected end-of-input ... (line 1, column 12)". */
  static String describe(JsonProcessingException e) {
    String text = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return text.replaceAll("\\s+", " ").strip() + where;
  }
}

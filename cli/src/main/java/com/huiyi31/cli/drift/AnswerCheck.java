package com.huiyi31.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.huiyi31.cli.drift.DriftReport.Finding;
import com.huiyi31.cli.drift.DriftReport.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Judges one raw answer against the contract: its content type against the media types the spec
 * declares for its status, then its JSON body, strictly ({@link Conformance}), against the schema
 * of that media type.
 */
final class AnswerCheck {

  private AnswerCheck() {}

  /** The findings of one answer; a reason in {@code unchecked} when its body could not be judged. */
  static List<Finding> check(Contract contract, Exchange exchange, List<String> unchecked) {
    List<Finding> findings = new ArrayList<>();
    Contract.Answer declared = contract.answer(exchange.path(), exchange.status());
    if (declared == null) {
      unchecked.add(exchange.operation() + ": the spec declares no answer with HTTP " + exchange.status() + ".");
      return findings;
    }
    JsonNode content = declared.response().path("content");
    String mediaType = exchange.mediaType();
    String matched = null;
    String json = null;
    for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
      String type = types.next();
      if (type.equalsIgnoreCase(mediaType) || type.equals("*/*")) {
        matched = type;
      }
      if (json == null && type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
        json = type;
      }
    }
    if (matched == null) {
      findings.add(new Finding(exchange.operation(), Kind.CONTENT_TYPE, "$",
          (mediaType.isEmpty() ? "no Content-Type" : "Content-Type " + mediaType) + ", where the spec says "
              + String.join(" or ", iterable(content.fieldNames())), declared.location() + "/content", 1));
    }
    String schemaType = matched != null && matched.toLowerCase(java.util.Locale.ROOT).contains("json") ? matched : json;
    if (schemaType == null) {
      return findings; // a body of no fixed format: nothing more to judge
    }
    JsonNode body = RawExchanges.parse(exchange.responseBody());
    if (body.isMissingNode()) {
      unchecked.add(exchange.operation() + ": the answer's body is not JSON, so its properties were not checked.");
      return findings;
    }
    String location = declared.location() + "/content/" + schemaType.replace("/", "~1") + "/schema";
    Contract.Located schema = contract.resolve(content.path(schemaType).path("schema"), location);
    findings.addAll(new Conformance(contract, exchange.operation()).check(schema, body));
    return findings;
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}

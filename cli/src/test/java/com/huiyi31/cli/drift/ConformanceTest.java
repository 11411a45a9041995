package com.huiyi31.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.cli.drift.DriftReport.Finding;
import com.huiyi31.cli.drift.DriftReport.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Conformance}: the strict walk over the spec's schemas, on answers the sandbox does not give. */
class ConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Contract contract = Contract.shared();

  private List<Finding> register(String answer) throws Exception {
    return new Conformance(contract, "registerAttendee").check(contract.answerSchema(RawExchanges.REGISTER_PATH, 200),
        JSON.readTree(answer));
  }

  @Test
  void theSpecsOwnExamplesKeepTheContract() throws Exception {
    String docs = "{\"businessMessage\":\"\",\"businessCode\":0,\"data\":{\"status\":0,\"orderId\":\"b0e5\",\"orderNo\":\"2111\","
        + "\"orderStatus\":\"Paid\",\"orderAmount\":0.0,\"orderType\":\"Main\",\"orderAttendees\":[{\"attendeeId\":\"b0e5\","
        + "\"attendeeAbstractType\":0,\"name\":\"张晓明\",\"mobile\":\"13912345678\",\"status\":\"\",\"checkinCode\":\"1475\"}]}}";

    assertThat(register(docs)).isEmpty();
    assertThat(register("{\"businessCode\":1001,\"businessMessage\":\"手机号已被注册\",\"data\":null}"))
        .as("data is nullable").isEmpty();
  }

  @Test
  void nullsFractionsAndOddKeysAreReportedAtTheirPaths() throws Exception {
    List<Finding> findings = register("{\"businessCode\":0.5,\"businessMessage\":null,\"data\":{\"status\":null,"
        + "\"orderId\":\"b\",\"orderNo\":\"1\",\"orderStatus\":\"paid\",\"orderAmount\":1,\"orderType\":\"main\","
        + "\"orderAttendees\":[],\"order-tags\":[\"x\"]}}");

    assertThat(findings).extracting(Finding::kind, Finding::path, Finding::detail).containsExactlyInAnyOrder(
        tuple(Kind.TYPE_MISMATCH, "$.businessCode", "number, where the spec says integer"),
        tuple(Kind.TYPE_MISMATCH, "$.data.status", "null, where the spec says integer (not nullable)"),
        tuple(Kind.UNDECLARED_PROPERTY, "$.data['order-tags']", "not declared by the spec; its value is an array"));
    assertThat(findings).as("businessMessage is nullable; an integral orderAmount is a number; values of enum-like "
        + "properties compare ignoring case").hasSize(3);
  }

  @Test
  void aNewEnumLikeValueIsShownWithWhatTheSpecShows() throws Exception {
    List<Finding> findings = register("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"status\":3,\"orderId\":\"b\","
        + "\"orderNo\":\"1\",\"orderStatus\":\"Paid\",\"orderAmount\":0,\"orderType\":\"Group\",\"orderAttendees\":[]}}");

    assertThat(findings).extracting(Finding::kind, Finding::path, Finding::detail).containsExactlyInAnyOrder(
        tuple(Kind.UNKNOWN_ENUM_VALUE, "$.data.status", "value \"3\", which no example or enum of the spec shows (it shows: \"0\")"),
        tuple(Kind.UNKNOWN_ENUM_VALUE, "$.data.orderType",
            "value \"Group\", which no example or enum of the spec shows (it shows: \"Main\")"));
  }
}

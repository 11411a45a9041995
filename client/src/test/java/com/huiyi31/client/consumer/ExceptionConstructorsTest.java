package com.huiyi31.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.Huiyi31AuthenticationException;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31ConfigurationException;
import com.huiyi31.client.Huiyi31DecodeException;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import com.huiyi31.client.Huiyi31HttpException;
import com.huiyi31.client.Huiyi31TransportException;
import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.Huiyi31ValidationException.Problem;
import com.huiyi31.client.Huiyi31ValidationException.Subject;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a consuming team writes in its own tests (this package is not the client's): a mocked
 * API throwing each exception with realistic content, built through the public constructors.
 */
class ExceptionConstructorsTest {

  private static final String REGISTER = "POST /op/notoken/api/Attendee/v1/Register";

  @Test
  void aBusinessRefusalMasksPersonalDataInItsMessageButKeepsTheOriginal() {
    Huiyi31BusinessException e = new Huiyi31BusinessException(REGISTER, 200, 1001, "手机号13912345678已被注册");

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(e.getMessage()).isEqualTo(REGISTER + " was refused by the platform: businessCode 1001 (手机号139****5678已被注册).");
    assertThat(e.businessCode()).isEqualTo(1001);
    assertThat(e.businessMessage()).isEqualTo("手机号13912345678已被注册");
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(new Huiyi31BusinessException(REGISTER, 200, 1001, null).getMessage())
        .isEqualTo(REGISTER + " was refused by the platform: businessCode 1001.");
  }

  @Test
  void theBusinessMessageAloneComesMaskedAndOnOneLineForShowingToAPerson() {
    Huiyi31BusinessException e = new Huiyi31BusinessException(REGISTER, 200, 1001,
        "\u001b[2J手机号13912345678\n已被 zhang.xiaoming@example.com 注册");

    assertThat(e.maskedBusinessMessage()).isEqualTo("[2J手机号139****5678 已被 z***@example.com 注册");
    assertThat(e.getMessage()).contains("(" + e.maskedBusinessMessage() + ")");
    assertThat(new Huiyi31BusinessException(REGISTER, 200, 1001, null).maskedBusinessMessage()).isNull();
  }

  @Test
  void aBusinessRefusalNeedsAnOperationAndANonZeroCode() {
    assertThatThrownBy(() -> new Huiyi31BusinessException(null, 200, 1001, "x")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("operation");
    assertThatThrownBy(() -> new Huiyi31BusinessException(REGISTER, 200, 0, "成功"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("businessCode 0");
  }

  @Test
  void anHttpErrorKeepsOnlyAMaskedOneLineStartOfTheBody() {
    Huiyi31HttpException e = new Huiyi31HttpException(REGISTER, 502, "<html>\n<body>Bad gateway for zhang.xiaoming@example.com"
        + " ".repeat(10) + "x".repeat(500) + "</body></html>");

    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.bodyExcerpt()).startsWith("<html> <body>Bad gateway for z***@example.com x").endsWith("…")
        .doesNotContain("\n", "zhang.xiaoming").hasSizeLessThanOrEqualTo(201);
    assertThat(e.getMessage()).startsWith(REGISTER + " failed with HTTP 502; the body begins: \"<html> <body>Bad gateway")
        .endsWith("The platform may have processed the request: check before sending it again.")
        .doesNotContain("zhang.xiaoming");
  }

  @Test
  void anHttpErrorBelow500WasNotProcessedAndAnEmptyBodyIsSaidSo() {
    Huiyi31HttpException e = new Huiyi31HttpException(REGISTER, 429, "");

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(e.bodyExcerpt()).isEmpty();
    assertThat(e.getMessage()).isEqualTo(REGISTER + " failed with HTTP 429 and an empty body. The platform did not act on the request.");
  }

  @Test
  void anHttpErrorIsNotA2xxAndNeedsItsParts() {
    assertThatThrownBy(() -> new Huiyi31HttpException(REGISTER, 200, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Huiyi31HttpException(REGISTER, 42, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Huiyi31HttpException(REGISTER, 500, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("body");
    assertThatThrownBy(() -> new Huiyi31HttpException(null, 500, "")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("operation");
  }

  @Test
  void aTransportFailureSaysWhetherTheRequestLeft() {
    SocketTimeoutException timeout = new SocketTimeoutException("timeout");
    Huiyi31TransportException sent = new Huiyi31TransportException(REGISTER, Outcome.UNKNOWN, timeout);
    Huiyi31TransportException notSent = new Huiyi31TransportException(REGISTER, Outcome.NOT_SENT,
        new ConnectException("Connection refused"));

    assertThat(sent.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(sent.getCause()).isSameAs(timeout);
    assertThat(sent.getMessage()).isEqualTo(REGISTER + " failed after the request was sent: SocketTimeoutException (timeout)."
        + " The platform may have processed the request: check before sending it again.");
    assertThat(notSent.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(notSent.getMessage()).isEqualTo(REGISTER + " failed before the request was sent: ConnectException "
        + "(Connection refused). The request was not sent; it is safe to send it again.");
  }

  @Test
  void aTransportFailureIsNeverNotProcessedAndNeedsItsParts() {
    assertThatThrownBy(() -> new Huiyi31TransportException(REGISTER, Outcome.NOT_PROCESSED, new ConnectException()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT_PROCESSED");
    assertThatThrownBy(() -> new Huiyi31TransportException(REGISTER, Outcome.UNKNOWN, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("cause");
    assertThatThrownBy(() -> new Huiyi31TransportException(REGISTER, null, new ConnectException()))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("outcome");
  }

  @Test
  void anUnreadableAnswerHasAnUnknownOutcomeAndAMaskedProblem() {
    Huiyi31DecodeException e = new Huiyi31DecodeException(REGISTER, 200,
        "it has no businessCode; it says 13912345678\nis taken");

    assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.getCause()).isNull();
    assertThat(e.getMessage()).isEqualTo("The answer to " + REGISTER + " (HTTP 200) could not be read: it has no "
        + "businessCode; it says 139****5678 is taken. The platform may have processed the request: check before "
        + "sending it again.");
    assertThatThrownBy(() -> new Huiyi31DecodeException(REGISTER, 502, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Huiyi31HttpException");
    assertThatThrownBy(() -> new Huiyi31DecodeException(REGISTER, 200, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aValidationFailureListsItsProblemsWithTheirSubjects() {
    Huiyi31ValidationException e = new Huiyi31ValidationException(List.of(
        new Problem(Subject.FIELD, Optional.of("Mobile"), "$.Attendee.Fields[1].FieldValue", "is not a mobile number"),
        new Problem(Subject.TICKET, "$.Items", "is missing (a ticket item is required)")));

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.getMessage()).isEqualTo("The request was not sent: 2 problems: $.Attendee.Fields[1].FieldValue is not a "
        + "mobile number; $.Items is missing (a ticket item is required).");
    assertThat(e.problems()).extracting(Problem::subject).containsExactly(Subject.FIELD, Subject.TICKET);
    assertThat(e.problems().get(0).fieldName()).contains("Mobile");
    assertThat(e.problems().get(1).fieldName()).isEmpty();
    assertThat(e.problems().get(1).path()).isEqualTo("$.Items");
    assertThat(e.problems().get(1).message()).isEqualTo("is missing (a ticket item is required)");
  }

  @Test
  void aValidationFailureNeedsAtLeastOneProblemAndEveryPartOfOne() {
    assertThatThrownBy(() -> new Huiyi31ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Huiyi31ValidationException(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Problem(null, "$", "x")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("subject");
    assertThatThrownBy(() -> new Problem(Subject.TYPE, Optional.of("Mobile"), "type", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FIELD");
  }

  @Test
  void aRefusedTokenNamesTheReasonMasksTheDescriptionAndWasNotSent() {
    Huiyi31AuthenticationException e = new Huiyi31AuthenticationException("POST /connect/token", 400, "invalid_grant",
        "no app for 13912345678");

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(e.getMessage()).isEqualTo("The token issuer (POST /connect/token) refused to issue an access token: "
        + "invalid_grant (no app for 139****5678). Check the app key and app secret, and that they belong to this "
        + "environment (test or production). Nothing that needed the token was sent.");
    assertThat(new Huiyi31AuthenticationException("POST /connect/token", 401, "", "").getMessage())
        .contains("refused to issue an access token: HTTP 401.");
    assertThatThrownBy(() -> new Huiyi31AuthenticationException("POST /connect/token", 400, null, ""))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("error");
  }

  @Test
  void aConfigurationErrorKeepsItsMessageAndNothingWasSent() {
    Huiyi31ConfigurationException e = new Huiyi31ConfigurationException("baseUrl is empty.");

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(e.getMessage()).isEqualTo("baseUrl is empty.");
    assertThatThrownBy(() -> new Huiyi31ConfigurationException(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void everyOneIsAHuiyi31ExceptionACallerCanCatchOnce() {
    List<Huiyi31Exception> all = List.of(
        new Huiyi31BusinessException(REGISTER, 200, 1001, null),
        new Huiyi31HttpException(REGISTER, 500, ""),
        new Huiyi31TransportException(REGISTER, Outcome.NOT_SENT, new ConnectException()),
        new Huiyi31DecodeException(REGISTER, 200, "the body is empty"),
        new Huiyi31ValidationException(List.of(new Problem(Subject.EVENT, "$.BventId", "is missing or blank"))),
        new Huiyi31AuthenticationException("POST /connect/token", 400, "invalid_client", ""),
        new Huiyi31ConfigurationException("connectRetries must be between 0 and 10, was 11."));

    assertThat(all).extracting(Huiyi31Exception::outcome).doesNotContainNull();
    assertThat(all).allSatisfy(e -> assertThat(e).isInstanceOf(RuntimeException.class).hasMessageEndingWith("."));
  }
}

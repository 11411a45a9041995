package com.huiyi31.client;

import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The platform answered and refused the request: its {@code businessCode} was not 0.
 *
 * <p>For a registration this means no order was created; the {@link #businessMessage()} (often
 * Chinese, e.g. 手机号已被注册) says why. Sending the same request again gets the same answer.
 */
public final class Huiyi31BusinessException extends Huiyi31Exception {

  private static final long serialVersionUID = 1L;

  private final int businessCode;
  private final @Nullable String businessMessage;
  private final int httpStatus;

  /**
   * An exception as the client throws it for a refused request: for tests of code that calls the
   * client (a mocked {@code AttendeeApi} refusing a registration). Its outcome is
   * {@link Outcome#NOT_PROCESSED}. The message quotes {@code businessMessage} as the client's own
   * do: shortened to one line, with anything that looks like a phone number or an email masked;
   * {@link #businessMessage()} returns it as given.
   *
   * @param operation the request, as method and path ({@code POST /op/notoken/api/Attendee/v1/Register})
   * @param httpStatus the HTTP status of the answer (200 in practice)
   * @param businessCode the platform's code: not 0, which means success
   * @param businessMessage the platform's message ({@code 手机号已被注册}), or null when it gave none
   * @throws NullPointerException if {@code operation} is null
   * @throws IllegalArgumentException if {@code businessCode} is 0
   */
  public Huiyi31BusinessException(String operation, int httpStatus, int businessCode, @Nullable String businessMessage) {
    super(Objects.requireNonNull(operation, "operation") + " was refused by the platform: businessCode " + businessCode
            + (businessMessage == null || businessMessage.isBlank() ? "" : " (" + masked(businessMessage) + ")") + ".",
        Outcome.NOT_PROCESSED, null);
    if (businessCode == 0) {
      throw new IllegalArgumentException("businessCode 0 means success, not a refusal");
    }
    this.businessCode = businessCode;
    this.businessMessage = businessMessage;
    this.httpStatus = httpStatus;
  }

  /** The platform's {@code businessCode}: never 0. */
  public int businessCode() {
    return businessCode;
  }

  /**
   * The platform's {@code businessMessage}, as sent. {@link #getMessage()} quotes it shortened to
   * one line, with anything that looks like a phone number or an email masked; this original may
   * contain personal data.
   */
  public @Nullable String businessMessage() {
    return businessMessage;
  }

  /**
   * The platform's {@code businessMessage} as {@link #getMessage()} quotes it: on one line (line
   * breaks and control characters become spaces), shortened to 200 characters, with anything
   * that looks like a phone number or an email masked ({@code 手机号139****5678已被注册}); null
   * when the platform gave none. For showing the platform's words to a person, or logging them,
   * without {@link #getMessage()}'s wording around them.
   */
  public @Nullable String maskedBusinessMessage() {
    return businessMessage == null ? null : masked(businessMessage);
  }

  private static String masked(String businessMessage) {
    return Redaction.text(HttpMessages.excerpt(businessMessage.getBytes(StandardCharsets.UTF_8)));
  }

  /** The HTTP status of the answer (200 in practice). */
  public int httpStatus() {
    return httpStatus;
  }
}

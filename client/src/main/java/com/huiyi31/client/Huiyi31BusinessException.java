package com.huiyi31.client;

import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;

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

  Huiyi31BusinessException(String operation, int httpStatus, int businessCode, @Nullable String businessMessage) {
    super(operation + " was refused by the platform: businessCode " + businessCode
            + (businessMessage == null || businessMessage.isBlank() ? ""
                : " (" + Redaction.text(HttpMessages.excerpt(businessMessage.getBytes(StandardCharsets.UTF_8))) + ")") + ".",
        Outcome.NOT_PROCESSED, null);
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

  /** The HTTP status of the answer (200 in practice). */
  public int httpStatus() {
    return httpStatus;
  }
}

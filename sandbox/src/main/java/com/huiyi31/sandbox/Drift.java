package com.huiyi31.sandbox;

/**
 * A documented way in which a sandbox can drift from the contract, as the real platform might
 * one day: {@code Huiyi31Sandbox.start(port, EnumSet.of(Drift.EXTRA_PROPERTY, ...))} or
 * {@code huiyi31 sandbox --drift EXTRA_PROPERTY,KEY_CASING}. For testing drift checks
 * ({@code huiyi31 drift}) and clients' tolerance; a sandbox started without drift keeps the
 * contract exactly. Each kind changes the successful answers of one operation only, in one place,
 * always the same way; requests are validated as usual.
 */
public enum Drift {

  /**
   * listAttendeeTypes: every attendee type carries a property the contract does not declare,
   * {@code sortOrder} (a number): {@code $.data.attendeeTypes[*].sortOrder}.
   */
  EXTRA_PROPERTY("listAttendeeTypes: every attendee type has an undeclared number sortOrder "
      + "($.data.attendeeTypes[*].sortOrder)"),

  /**
   * listAttendeeTypes: every ticket's {@code isCanSale} is spelt {@code IsCanSale}:
   * {@code $.data.attendeeTypes[*].tickets[*].IsCanSale}.
   */
  KEY_CASING("listAttendeeTypes: every ticket's isCanSale is spelt IsCanSale "
      + "($.data.attendeeTypes[*].tickets[*].IsCanSale)"),

  /**
   * listAttendeeTypes: every option's {@code code}, a string in the contract ({@code "0"}), is a
   * JSON number ({@code 0}): {@code $.data.attendeeTypes[*].fields[*].fieldOptions[*].code}.
   */
  NUMBER_FOR_STRING("listAttendeeTypes: every option's code is a number, not a string "
      + "($.data.attendeeTypes[*].fields[*].fieldOptions[*].code)"),

  /**
   * listAttendeeTypes: no form field has its {@code displayName}:
   * {@code $.data.attendeeTypes[*].fields[*].displayName} is missing.
   */
  MISSING_PROPERTY("listAttendeeTypes: no form field has its displayName "
      + "($.data.attendeeTypes[*].fields[*].displayName)"),

  /**
   * registerAttendee: a registered order's {@code orderStatus} is {@code PendingReview}, a value
   * none of the contract's examples shows ({@code $.data.orderStatus}).
   */
  NEW_ENUM_VALUE("registerAttendee: orderStatus is PendingReview, a value none of the contract's examples shows "
      + "($.data.orderStatus)"),

  /**
   * requestAccessToken: {@code expires_in} is a moment (4102444800, seconds since 1970) rather than
   * a lifetime, beyond the contract's {@code int32} ({@code $.expires_in}).
   */
  INT32_OVERFLOW("requestAccessToken: expires_in is 4102444800, beyond the contract's int32 ($.expires_in)"),

  /**
   * listAttendeeTypes: the answer's {@code Content-Type} is {@code text/plain; charset=utf-8}
   * instead of the contract's {@code application/json} (the body is the same JSON).
   */
  CONTENT_TYPE("listAttendeeTypes: answered as text/plain instead of application/json (same JSON body)");

  private final String description;

  Drift(String description) {
    this.description = description;
  }

  /** What this drift changes, in one line (for {@code --help} and banners). */
  public String description() {
    return description;
  }
}

package com.huiyi31.client;

/**
 * How much of each HTTP exchange {@link Huiyi31Client} logs, at DEBUG on the SLF4J logger
 * {@code com.huiyi31.client.http}. At every level, personal data and secrets are masked and
 * Authorization and cookie headers are left out.
 */
public enum HttpLogLevel {
  /** Nothing (the default). */
  NONE,
  /** The request line, the status and the time taken. */
  BASIC,
  /** {@link #BASIC} plus headers (never Authorization or cookies). */
  HEADERS,
  /** {@link #HEADERS} plus bodies, with personal values masked ({@code 139****5678}). */
  BODY
}

/**
 * Whether the platform still answers as the contract ({@code openapi.yaml}) says, for the
 * {@code huiyi31 drift} and {@code huiyi31 record} commands and for Java CI jobs of the teams that
 * generate clients from the contract: {@link com.huiyi31.cli.drift.DriftCheck} makes a few
 * harmless exchanges with an environment, judges the raw answers strictly and returns a
 * {@link com.huiyi31.cli.drift.DriftReport}; {@link com.huiyi31.cli.drift.DriftCheck#record} writes
 * them as masked contract-test fixtures instead (a {@link com.huiyi31.cli.drift.Recording}).
 * These three types are the package's public API; the rest is the tool's.
 */
package com.huiyi31.cli.drift;

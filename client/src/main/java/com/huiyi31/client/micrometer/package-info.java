/**
 * Micrometer for the client: {@link com.huiyi31.client.micrometer.MicrometerObserver} records each
 * call of an operation as the timer (and observation) {@code huiyi31.client.requests}. Optional:
 * the client does not need Micrometer unless this package is used.
 */
package com.huiyi31.client.micrometer;

/**
 * An offline stand-in for the 31huiyi platform, for tests: {@link com.huiyi31.sandbox.Huiyi31Sandbox}
 * serves the contract's operations (token, attendee types of a demo event, Register) on
 * {@code 127.0.0.1}, validates every request against {@code openapi.yaml}, and hands back what it
 * accepted through {@link com.huiyi31.sandbox.Huiyi31Sandbox#registrations()}. In JUnit 5 tests,
 * {@link com.huiyi31.sandbox.junit.Huiyi31SandboxExtension} starts one per test class. Only
 * {@code Huiyi31Sandbox} (and its nested {@code Trigger}) and {@link com.huiyi31.sandbox.Drift}
 * (the documented ways a sandbox can be started to drift from the contract) are public API.
 */
package com.huiyi31.sandbox;

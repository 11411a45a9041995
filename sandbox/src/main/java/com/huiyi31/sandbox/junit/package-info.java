/**
 * JUnit 5 support for the sandbox: {@link com.huiyi31.sandbox.junit.Huiyi31SandboxExtension}, used
 * with {@code @ExtendWith} or {@code @RegisterExtension}, starts one
 * {@link com.huiyi31.sandbox.Huiyi31Sandbox} per test class and injects it into test methods and
 * constructors. JUnit Jupiter is an optional dependency of the sandbox: only this package needs it.
 */
package com.huiyi31.sandbox.junit;

/**
 * The Java client of the 31huiyi (31会议) OpenAPI: start at {@link com.huiyi31.client.Huiyi31Client}.
 *
 * <p>Written by hand over the Feign interfaces ({@code com.huiyi31.client.api}) and Jackson models
 * ({@code com.huiyi31.client.model}) generated from the contract, {@code openapi.yaml}. The
 * generated code alone is not a safe client; this package makes it one:
 *
 * <ul>
 *   <li>every request is validated before anything is sent
 *       ({@link com.huiyi31.client.Huiyi31ValidationException}, {@link com.huiyi31.client.Huiyi31Client#problemsOf});</li>
 *   <li>every answer must say success ({@code businessCode} 0), or it is a
 *       {@link com.huiyi31.client.Huiyi31BusinessException};</li>
 *   <li>a request is retried only when it certainly did not leave this machine, and every error is
 *       a {@link com.huiyi31.client.Huiyi31Exception} whose
 *       {@link com.huiyi31.client.Huiyi31Exception#outcome() outcome} says whether an order may exist;</li>
 *   <li>registration by names ({@link com.huiyi31.client.EventRegistration},
 *       {@link com.huiyi31.client.Registrant}) checks a person against the event's own forms;</li>
 *   <li>access tokens are fetched and renewed as needed, and personal data and secrets are masked
 *       in logs and messages.</li>
 * </ul>
 *
 * <p>For tests of code that uses the client, mock the API interfaces (or {@code Huiyi31Client}, with
 * a mocking library that handles final classes) and throw the exceptions through their public
 * constructors, which build the same messages as the client.
 */
package com.huiyi31.client;

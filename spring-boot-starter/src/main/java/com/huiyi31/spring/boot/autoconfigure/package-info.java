/**
 * Spring Boot auto-configuration of a {@link com.huiyi31.client.Huiyi31Client} from the
 * {@code huiyi31.*} properties ({@link com.huiyi31.spring.boot.autoconfigure.Huiyi31Properties}),
 * with its calls recorded by Micrometer when the application has it
 * ({@link com.huiyi31.spring.boot.autoconfigure.Huiyi31AutoConfiguration}). For Spring Boot 3.5 and 4.
 */
package com.huiyi31.spring.boot.autoconfigure;

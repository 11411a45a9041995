package com.huiyi31.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the processor generated into the starter's jar, which IDEs read to
 * complete and explain huiyi31.* properties: every option, with its type and a description.
 */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribedForIdeCompletion() throws IOException {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
          if (property.path("name").asText().startsWith("huiyi31.")) {
            properties.put(property.path("name").asText(), property);
          }
        }
      }
    }

    assertThat(properties).containsOnlyKeys("huiyi31.base-url", "huiyi31.env", "huiyi31.oauth-base-url",
        "huiyi31.app-key", "huiyi31.app-secret", "huiyi31.connect-timeout", "huiyi31.read-timeout",
        "huiyi31.max-concurrent-requests", "huiyi31.connect-retries", "huiyi31.http-log-level",
        "huiyi31.attendee-types-cache-ttl");
    assertThat(properties.values()).allSatisfy(property -> assertThat(property.path("description").asText()).hasSizeGreaterThan(20));
    assertThat(properties.get("huiyi31.connect-timeout").path("type").asText()).isEqualTo("java.time.Duration");
    assertThat(properties.get("huiyi31.env").path("type").asText()).endsWith("Huiyi31Properties$Env");
    assertThat(properties.get("huiyi31.http-log-level").path("type").asText()).isEqualTo("com.huiyi31.client.HttpLogLevel");
    assertThat(properties.get("huiyi31.app-secret").path("description").asText()).contains("masked");
  }
}

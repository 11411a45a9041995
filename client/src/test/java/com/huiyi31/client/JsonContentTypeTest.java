package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.client.api.AttendeeApi;
import feign.DefaultContract;
import feign.Headers;
import feign.MethodMetadata;
import feign.RequestLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every generated operation with a body is sent as JSON in UTF-8; its other headers stay. */
class JsonContentTypeTest {

  interface Mixed {
    @RequestLine("POST /with-body")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    void withBody(String body);

    @RequestLine("GET /without-body")
    @Headers("Content-Type: text/plain")
    void withoutBody();
  }

  @Test
  void everyGeneratedOperationWithABodyGetsTheUtf8JsonContentTypeOnlyAndKeepsItsAccept() {
    List<MethodMetadata> methods = new JsonContentType(new DefaultContract()).parseAndValidateMetadata(AttendeeApi.class);

    assertThat(methods).isNotEmpty().allSatisfy(method -> {
      assertThat(method.bodyIndex()).isNotNull();
      assertThat(method.template().headers().get("Content-Type")).containsExactly("application/json; charset=UTF-8");
      assertThat(method.template().headers().get("Accept")).isNotEmpty();
    });
  }

  @Test
  void anOperationWithoutABodyKeepsItsHeaders() {
    List<MethodMetadata> methods = new JsonContentType(new DefaultContract()).parseAndValidateMetadata(Mixed.class);

    MethodMetadata withBody = methods.stream().filter(m -> m.bodyIndex() != null).findFirst().orElseThrow();
    MethodMetadata withoutBody = methods.stream().filter(m -> m.bodyIndex() == null).findFirst().orElseThrow();
    assertThat(withBody.template().headers().get("Content-Type")).containsExactly("application/json; charset=UTF-8");
    assertThat(withBody.template().headers().get("Accept")).containsExactly("application/json");
    assertThat(withoutBody.template().headers().get("Content-Type")).containsExactly("text/plain");
  }
}

package com.huiyi31.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.benchmarks.Payloads;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The client's codec (JsonCodec: validation, UTF-8 bytes, envelope check) driven as Feign drives
 * it, against a bare Jackson ObjectMapper reading and writing bytes on the same model classes.
 * (In the client's package because the codec is package-private.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

  private JsonCodec codec;
  private ObjectMapper bare;
  private RegisterAttendeeRequest request;
  private Response response;

  @Setup
  public void setUp() {
    codec = new JsonCodec(JsonCodec.newObjectMapper());
    bare = new ObjectMapper();
    request = Payloads.request();
    Request sent = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/op/notoken/api/Attendee/v1/Register",
        Map.of(), null, StandardCharsets.UTF_8, null);
    Map<String, Collection<String>> headers = Map.of("Content-Type", List.of("application/json; charset=utf-8"));
    response = Response.builder().status(200).headers(headers).body(Payloads.REGISTERED).request(sent).build();
  }

  @Benchmark
  public byte[] encodeClient() {
    RequestTemplate template = new RequestTemplate();
    codec.encode(request, RegisterAttendeeRequest.class, template);
    return template.body();
  }

  @Benchmark
  public byte[] encodeBareJackson() throws IOException {
    return bare.writeValueAsBytes(request);
  }

  @Benchmark
  public Object decodeClient() throws IOException {
    return codec.decode(response, RegisterAttendeeResponse.class);
  }

  @Benchmark
  public Object decodeBareJackson() throws IOException {
    return bare.readValue(Payloads.REGISTERED, RegisterAttendeeResponse.class);
  }
}

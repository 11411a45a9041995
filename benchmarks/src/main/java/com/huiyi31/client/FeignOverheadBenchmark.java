package com.huiyi31.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.benchmarks.Payloads;
import com.huiyi31.client.api.AttendeeApi;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * What one call costs on this machine's CPU without any network: the client's Feign stack (as
 * Huiyi31Client wires it, over an in-memory transport answering the recorded example), its
 * codec alone (encode + decode), and bare Jackson (write + read). Feign's own share of a call is
 * the first minus the second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FeignOverheadBenchmark {

  private static final Map<String, Collection<String>> ANSWER_HEADERS = Map.of(
      "Content-Type", List.of("application/json; charset=utf-8"),
      "Content-Length", List.of(String.valueOf(Payloads.REGISTERED.length)),
      "Date", List.of("Sat, 28 Nov 2026 17:00:00 GMT"));

  private AttendeeApi viaFeign;
  private JsonCodec codec;
  private ObjectMapper bare;
  private RegisterAttendeeRequest request;
  private Request sent;

  @Setup
  public void setUp() {
    request = Payloads.request();
    codec = new JsonCodec(JsonCodec.newObjectMapper());
    bare = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    sent = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/op/notoken/api/Attendee/v1/Register",
        Map.of(), null, StandardCharsets.UTF_8, null);
    Client inMemory = (feignRequest, options) -> answer(feignRequest);
    // As Huiyi31Client wires Feign (with logging off), the transport aside.
    Duration timeout = Duration.ofSeconds(5);
    viaFeign = Feign.builder()
        .client(inMemory)
        .contract(new JsonContentType(new feign.DefaultContract()))
        .encoder(codec)
        .decoder(codec)
        .errorDecoder(new HttpErrorDecoder())
        .retryer(new ConnectRetryer(2, Duration.ofMillis(100), Duration.ofSeconds(2), ConnectRetryer.THREAD_SLEEP,
            ConnectRetryer.RANDOM))
        .options(new Request.Options(timeout, timeout, false))
        .invocationHandlerFactory(new ExceptionTranslator(Huiyi31Observer.NONE))
        .logger(new Logger.NoOpLogger())
        .logLevel(Logger.Level.NONE)
        .target(AttendeeApi.class, "http://127.0.0.1");
  }

  private static Response answer(Request request) {
    return Response.builder().status(200).reason("OK").headers(ANSWER_HEADERS).body(Payloads.REGISTERED)
        .request(request).build();
  }

  @Benchmark
  public Object callThroughFeign() {
    return viaFeign.registerAttendee(request);
  }

  @Benchmark
  public Object callCodecOnly() throws IOException {
    RequestTemplate template = new RequestTemplate();
    codec.encode(request, RegisterAttendeeRequest.class, template);
    return codec.decode(answer(sent), RegisterAttendeeResponse.class);
  }

  @Benchmark
  public Object callBareJackson() throws IOException {
    byte[] body = bare.writeValueAsBytes(request);
    return bare.readValue(Payloads.REGISTERED, RegisterAttendeeResponse.class).getBusinessCode() + body.length;
  }
}

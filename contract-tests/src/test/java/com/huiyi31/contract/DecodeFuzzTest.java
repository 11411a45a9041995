package com.huiyi31.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31DecodeException;
import com.huiyi31.client.Huiyi31Exception.Outcome;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Property: whatever a server answers with HTTP 200 and {@code application/json}, the client
 * either returns a response whose {@code businessCode} is exactly 0 or throws a
 * {@link Huiyi31DecodeException} (unreadable) or {@link Huiyi31BusinessException} (a non-zero
 * code); never a Jackson or Feign exception, an NPE, a StackOverflowError or anything else.
 *
 * <p>The answers are mutations of every recorded JSON answer, made by a {@link Random} with a
 * fixed seed per mutation: a failure names its kind, case and seed, and {@link #mutate} with the
 * same three rebuilds the very same body. One WireMock stub serves whatever body the test last
 * put in {@link CurrentBody}: about 0.6 ms per call once warm, against 0.9 ms when re-stubbing
 * through the admin API for every mutation (measured on two cores, 1000 calls each).
 */
class DecodeFuzzTest {

  /** Mutations per kind; 10 kinds. */
  private static final int MUTATIONS_PER_KIND = 320;

  private static final long BASE_SEED = 0x31_4759_2026L;

  /**
   * Far beyond what any body of at most a few MB takes to decode (a few ms): a call that runs
   * longer is stuck (for example a regular expression gone quadratic), and the kind stops there.
   */
  private static final Duration CALL_LIMIT = Duration.ofSeconds(5);

  /** Values of the recorded requests and answers that are personal data: never echoed by a decode error. */
  private static final List<String> PERSONAL_VALUES = List.of("13912345678", "13698765432", "张晓明", "李思雨");

  private static final ObjectMapper TREE = new ObjectMapper();

  private static final CurrentBody BODY = new CurrentBody();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)
          .disableRequestJournal().extensions(BODY))
      .build();

  private static final RegisterAttendeeRequest REQUEST = RecordedCase.named("docs-example-registered").request();

  /** Every recorded case whose answer is JSON: the material the mutations start from. */
  private static final List<RecordedCase> JSON_CASES = RecordedCase.all().stream()
      .filter(c -> c.meta().path("body").asText().endsWith(".json"))
      .collect(Collectors.toList());

  private static Huiyi31Client client;

  /** Runs each call, so that a stuck one can be given up on (its daemon thread is left behind). */
  private static ExecutorService caller = newCaller();

  enum Kind {
    DROP_FIELD, DUPLICATE_KEY, RETYPE, SET_NULL, HUGE_NUMBER, DEEP_NESTING, INVALID_UTF8, TRUNCATE, LONG_STRING,
    RANDOM_BYTES
  }

  /** What the client made of one body. */
  enum Result { SUCCESS, BUSINESS_REJECTION, DECODE_ERROR }

  @BeforeAll
  static void oneClientForAllMutations() {
    client = Huiyi31Client.builder().baseUrl(wm.baseUrl()).build();
  }

  @AfterAll
  static void closeClient() {
    caller.shutdownNow();
    client.close();
  }

  @BeforeEach
  void stubTheRegisterEndpoint() {
    wm.stubFor(post(urlPathEqualTo(Replay.REGISTER_PATH))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
    BODY.served.set(0);
  }

  @Test
  void theRecordedAnswersThemselvesComeThroughUnchanged() {
    assertThat(JSON_CASES).extracting(RecordedCase::name).contains("docs-example-registered",
        "business-rejection-mobile-taken", "missing-business-code", "order-with-several-attendees",
        "pascal-case-keys", "registered-with-unknown-fields");

    assertThat(serve(RecordedCase.named("docs-example-registered").responseBody()).result)
        .isEqualTo(Result.SUCCESS);
    assertThat(serve(RecordedCase.named("business-rejection-mobile-taken").responseBody()).result)
        .isEqualTo(Result.BUSINESS_REJECTION);
    assertThat(serve(RecordedCase.named("missing-business-code").responseBody()).result)
        .isEqualTo(Result.DECODE_ERROR);
    assertThat(BODY.served).as("POSTs served").hasValue(3);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void everyMutatedAnswerIsASuccessWithBusinessCodeZeroOrAHuiyi31Exception(Kind kind) {
    Map<Result, Integer> results = new EnumMap<>(Result.class);
    List<String> violations = new ArrayList<>();

    for (int i = 0; i < MUTATIONS_PER_KIND; i++) {
      long seed = BASE_SEED + kind.ordinal() * 1_000_003L + i;
      RecordedCase recorded = JSON_CASES.get(i % JSON_CASES.size());
      byte[] body = mutate(kind, recorded, seed);
      String where = "kind=" + kind + " case=" + recorded.name() + " seed=" + seed;

      Served served = serve(body);

      if (served.violation != null) {
        violations.add(where + ": " + served.violation + " for a body starting " + preview(body));
        if (served.stuck) {
          break; // the stuck call still holds a core: report it rather than queue more behind it
        }
      } else {
        results.merge(served.result, 1, Integer::sum);
      }
    }

    assertThat(violations).as("%s: answers the client mishandled (%d of %d)", kind, violations.size(),
        MUTATIONS_PER_KIND).isEmpty();
    assertThat(BODY.served).as("%s: POSTs served (one per mutation, never retried)", kind)
        .hasValue(MUTATIONS_PER_KIND);
    assertThat(results.getOrDefault(Result.DECODE_ERROR, 0))
        .as("%s: mutations the client refused as unreadable (results %s); 0 means the generator does not mutate",
            kind, results)
        .isPositive();
  }

  // --- calling the client ----------------------------------------------------------------------

  /** What one call made of a body: a result, or why it broke the property. */
  private static final class Served {
    Result result;
    String violation;
    boolean stuck;
  }

  private static Served serve(byte[] body) {
    BODY.body.set(body);
    Future<Served> call = caller.submit(DecodeFuzzTest::call);
    try {
      return call.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      caller.shutdownNow();
      caller = newCaller();
      Served stuck = new Served();
      stuck.stuck = true;
      stuck.violation = "did not return within " + CALL_LIMIT.toSeconds() + " s";
      return stuck;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("call() catches every Throwable", e);
    }
  }

  private static ExecutorService newCaller() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "decode-fuzz-caller");
      thread.setDaemon(true);
      return thread;
    });
  }

  private static Served call() {
    Served served = new Served();
    RegisterAttendeeResponse response;
    try {
      response = client.attendees().registerAttendee(REQUEST);
    } catch (Huiyi31DecodeException e) {
      served.result = Result.DECODE_ERROR;
      served.violation = checkDecodeError(e);
      return served;
    } catch (Huiyi31BusinessException e) {
      served.result = Result.BUSINESS_REJECTION;
      served.violation = e.businessCode() == 0 || e.outcome() != Outcome.NOT_PROCESSED
          ? "a business rejection with businessCode " + e.businessCode() + " and outcome " + e.outcome() : null;
      return served;
    } catch (Throwable e) { // the property: nothing else, not even an Error
      served.violation = "threw " + describe(e);
      return served;
    }
    if (response == null || response.getBusinessCode() == null || response.getBusinessCode() != 0) {
      served.violation = "returned a response with businessCode "
          + (response == null ? "(no response)" : response.getBusinessCode());
    } else {
      served.result = Result.SUCCESS;
    }
    return served;
  }

  private static String checkDecodeError(Huiyi31DecodeException e) {
    String message = e.getMessage();
    if (e.outcome() != Outcome.UNKNOWN || e.httpStatus() != 200) {
      return "a decode error with outcome " + e.outcome() + " and status " + e.httpStatus();
    }
    if (message == null || !message.contains("could not be read") || message.contains("\n")
        || message.contains("Exception:")) {
      return "a decode error whose message does not say what happened in one line: " + message;
    }
    for (String value : PERSONAL_VALUES) {
      if (message.contains(value)) {
        return "a decode error whose message quotes personal data: " + message;
      }
    }
    return null;
  }

  private static String describe(Throwable e) {
    String message = String.valueOf(e.getMessage());
    return e.getClass().getName() + " (" + (message.length() > 300 ? message.substring(0, 300) + "…" : message) + ")"
        + (e.getCause() == null ? "" : " caused by " + e.getCause().getClass().getName());
  }

  private static String preview(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
    }
    return out.append(body.length > 120 ? "…\" (" + body.length + " bytes)" : "\"").toString();
  }

  /** Serves, to every request, the body the test put in last. */
  private static final class CurrentBody implements ResponseDefinitionTransformerV2 {
    final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
    final AtomicInteger served = new AtomicInteger();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      served.incrementAndGet();
      return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but().withBody(body.get()).build();
    }

    @Override
    public String getName() {
      return "current-body";
    }
  }

  // --- the generator ----------------------------------------------------------------------------

  /** The body of mutation {@code seed} of {@code kind} applied to the recorded answer of {@code recorded}. */
  static byte[] mutate(Kind kind, RecordedCase recorded, long seed) {
    Random random = new Random(seed);
    byte[] original = recorded.responseBody();
    JsonNode tree;
    try {
      tree = TREE.readTree(original);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    switch (kind) {
      case DROP_FIELD:
        return utf8(Json.write(tree, Edit.drop(pickField(tree, random))));
      case DUPLICATE_KEY: {
        Slot field = pickField(tree, random);
        String key = random.nextInt(4) == 0 ? flipCase(field.key, random) : field.key;
        String value = random.nextBoolean() ? Json.write(field.value, null) : anyValue(random, 2);
        return utf8(Json.write(tree, Edit.duplicate(field, key, value, random.nextBoolean())));
      }
      case RETYPE: {
        Slot slot = pickSlot(tree, random, true);
        return utf8(Json.write(tree, Edit.replace(slot, valueOfAnotherType(slot.value, random))));
      }
      case SET_NULL: {
        if (random.nextInt(20) == 0) {
          return utf8("null");
        }
        String json = Json.write(tree, Edit.replace(pickSlot(tree, random, false), "null"));
        for (int more = random.nextInt(3); more > 0; more--) { // up to two more nulls elsewhere
          JsonNode again = readTree(json);
          json = Json.write(again, Edit.replace(pickSlot(again, random, false), "null"));
        }
        return utf8(json);
      }
      case HUGE_NUMBER:
        return utf8(Json.write(tree, Edit.replace(pickSlot(tree, random, false), hugeNumber(random))));
      case DEEP_NESTING: {
        String nested = nesting(random);
        if (random.nextInt(3) == 0) { // as a property nobody reads: still parsed
          Slot any = pickField(tree, random);
          return utf8(Json.write(tree, Edit.duplicate(any, "unknownDeep", nested, false)));
        }
        return utf8(Json.write(tree, Edit.replace(pickSlot(tree, random, false), nested)));
      }
      case INVALID_UTF8:
        return invalidUtf8(original, random);
      case TRUNCATE:
        return Arrays.copyOf(original, random.nextInt(original.length));
      case LONG_STRING:
        return utf8(Json.write(tree, Edit.replace(pickSlot(tree, random, false), longString(random))));
      case RANDOM_BYTES:
        return randomBytes(original, random);
      default:
        throw new IllegalArgumentException(kind.toString());
    }
  }

  /** Where a value sits: the container holding it and its key (object) or index (array); no parent for the root. */
  record Slot(JsonNode parent, String key, int index, JsonNode value) {}

  /** One change to a tree, applied while writing it. */
  record Edit(Slot at, Op op, String raw, String duplicateKey, boolean duplicateFirst) {
    enum Op { REPLACE, DROP, DUPLICATE }

    static Edit replace(Slot at, String raw) {
      return new Edit(at, Op.REPLACE, raw, null, false);
    }

    static Edit drop(Slot at) {
      return new Edit(at, Op.DROP, null, null, false);
    }

    static Edit duplicate(Slot at, String key, String raw, boolean first) {
      return new Edit(at, Op.DUPLICATE, raw, key, first);
    }

    boolean targets(JsonNode parent, String key, int index) {
      return at.parent == parent && (key != null ? key.equals(at.key) : index == at.index);
    }
  }

  /** A compact JSON writer of our own: Jackson's would refuse the raw, deeply nested or huge values we splice in. */
  static final class Json {
    private Json() {}

    static String write(JsonNode node, Edit edit) {
      if (edit != null && edit.at.parent == null) {
        return edit.raw; // the root itself
      }
      StringBuilder out = new StringBuilder();
      write(node, edit, out);
      return out.toString();
    }

    private static void write(JsonNode node, Edit edit, StringBuilder out) {
      if (node.isObject()) {
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          boolean targeted = edit != null && edit.targets(node, field.getKey(), -1);
          String key = quote(field.getKey()) + ":";
          if (!targeted) {
            members.add(key + write(field.getValue(), edit));
          } else if (edit.op == Edit.Op.REPLACE) {
            members.add(key + edit.raw);
          } else if (edit.op == Edit.Op.DUPLICATE) {
            String copy = quote(edit.duplicateKey) + ":" + edit.raw;
            String original = key + write(field.getValue(), edit);
            members.add(edit.duplicateFirst ? copy : original);
            members.add(edit.duplicateFirst ? original : copy);
          } // DROP: nothing
        }
        out.append('{').append(String.join(",", members)).append('}');
      } else if (node.isArray()) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
          boolean targeted = edit != null && edit.targets(node, null, i);
          if (!targeted) {
            elements.add(write(node.get(i), edit));
          } else if (edit.op == Edit.Op.REPLACE) {
            elements.add(edit.raw);
          } // DROP: nothing (DUPLICATE targets object members only)
        }
        out.append('[').append(String.join(",", elements)).append(']');
      } else {
        out.append(node.toString()); // a scalar's JSON text, strings quoted and escaped
      }
    }

    static String quote(String text) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }
  }

  /** Every value below the root, with where it sits. */
  private static List<Slot> slots(JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    return slots;
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        slots.add(new Slot(node, field.getKey(), -1, field.getValue()));
        collect(field.getValue(), slots);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        slots.add(new Slot(node, null, i, node.get(i)));
        collect(node.get(i), slots);
      }
    }
  }

  /**
   * A value to change: a third of the time the envelope's businessCode (the one value that
   * decides success), else any value; the root itself now and then when {@code withRoot}.
   */
  private static Slot pickSlot(JsonNode root, Random random, boolean withRoot) {
    if (withRoot && random.nextInt(25) == 0) {
      return new Slot(null, null, -1, root);
    }
    List<Slot> slots = slots(root);
    if (random.nextInt(3) == 0) {
      for (Slot slot : slots) {
        if (slot.parent == root && slot.key != null && slot.key.equalsIgnoreCase("businessCode")) {
          return slot;
        }
      }
    }
    return slots.get(random.nextInt(slots.size()));
  }

  /** A property of some object (for dropping or duplicating a key), businessCode a third of the time. */
  private static Slot pickField(JsonNode root, Random random) {
    for (int tries = 0; ; tries++) {
      Slot slot = pickSlot(root, random, false);
      if (slot.key != null || tries > 50) {
        if (slot.key != null) {
          return slot;
        }
        Map.Entry<String, JsonNode> first = root.properties().iterator().next();
        return new Slot(root, first.getKey(), -1, first.getValue());
      }
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return TREE.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String flipCase(String key, Random random) {
    String flipped = Character.isUpperCase(key.charAt(0))
        ? Character.toLowerCase(key.charAt(0)) + key.substring(1)
        : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    return random.nextBoolean() ? flipped : key.toUpperCase(Locale.ROOT);
  }

  private enum Type { STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL }

  private static Type typeOf(JsonNode node) {
    if (node.isTextual()) {
      return Type.STRING;
    } else if (node.isNumber()) {
      return Type.NUMBER;
    } else if (node.isBoolean()) {
      return Type.BOOLEAN;
    } else if (node.isObject()) {
      return Type.OBJECT;
    } else if (node.isArray()) {
      return Type.ARRAY;
    }
    return Type.NULL;
  }

  /** A value of any type but the one {@code current} has (string, number, boolean, object, array, null). */
  private static String valueOfAnotherType(JsonNode current, Random random) {
    Type[] types = Type.values();
    Type type;
    do {
      type = types[random.nextInt(types.length)];
    } while (type == typeOf(current));
    return valueOf(type, random, 2);
  }

  private static String anyValue(Random random, int depth) {
    Type[] types = Type.values();
    return valueOf(types[random.nextInt(types.length)], random, depth);
  }

  private static String valueOf(Type type, Random random, int depth) {
    switch (type) {
      case STRING: {
        String[] strings = {"", "0", " 0 ", "1001", "0.0", "abc", "true", "null", "{}", "张晓明-测试", "\u0000",
            "Paid", "2111041526362863634", "\\\"quoted\\\""};
        return random.nextInt(4) == 0 ? Json.quote(randomText(random, 1 + random.nextInt(20)))
            : Json.quote(strings[random.nextInt(strings.length)]);
      }
      case NUMBER: {
        String[] numbers = {"0", "-0", "0.0", "0.5", "-0.9", "1", "-1", "1001", "2147483647", "2147483648",
            "-2147483649", "3.14", "1e3", "1E-7", "9223372036854775808", "0e0"};
        return numbers[random.nextInt(numbers.length)];
      }
      case BOOLEAN:
        return random.nextBoolean() ? "true" : "false";
      case OBJECT:
        if (depth <= 0 || random.nextInt(3) == 0) {
          return "{}";
        }
        return "{" + Json.quote(random.nextBoolean() ? "businessCode" : "a") + ":" + anyValue(random, depth - 1) + "}";
      case ARRAY:
        if (depth <= 0 || random.nextInt(3) == 0) {
          return "[]";
        }
        return "[" + anyValue(random, depth - 1) + "," + anyValue(random, depth - 1) + "]";
      default:
        return "null";
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (0x20 + random.nextInt(0x5f)));
    }
    return text.toString();
  }

  /** 1e400, 40-digit integers, 5000-digit numbers and other numbers no Java type holds exactly. */
  private static String hugeNumber(Random random) {
    String sign = random.nextInt(4) == 0 ? "-" : "";
    switch (random.nextInt(10)) {
      case 0:
        return sign + "1e400";
      case 1:
        return sign + "1e-400";
      case 2:
        return sign + digits(random, 40);
      case 3:
        return sign + digits(random, 5000);
      case 4:
        return sign + "0." + digits(random, 5000);
      case 5:
        return sign + digits(random, 1000); // at Jackson's default length limit
      case 6:
        return sign + digits(random, 20) + "." + digits(random, 20) + "E+" + (300 + random.nextInt(100));
      case 7:
        return sign + "1e" + (random.nextBoolean() ? "2147483648" : "99999999999");
      case 8:
        return sign + "9223372036854775808";
      default:
        return sign + "2147483648";
    }
  }

  private static String digits(Random random, int count) {
    StringBuilder digits = new StringBuilder();
    digits.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  /** Arrays, objects or both nested 2 to 5000 deep (Jackson refuses more than 500 by default). */
  private static String nesting(Random random) {
    int[] depths = {2, 50, 499, 500, 501, 1000, 5000, 5000};
    int depth = depths[random.nextInt(depths.length)];
    int style = random.nextInt(3);
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      boolean array = style == 0 || style == 2 && i % 2 == 0;
      open.append(array ? "[" : "{\"a\":");
      close.append(array ? "]" : "}");
    }
    return open + (random.nextBoolean() ? "0" : "null") + close.reverse();
  }

  /** A string of 1 thousand to 4.5 million characters (beyond the 4 MiB body limit now and then). */
  private static String longString(Random random) {
    int[] lengths = {1_000, 10_000, 65_536, 100_000, 100_000, 100_000, 1_000_000};
    int length = random.nextInt(40) == 0 ? 4_500_000 : lengths[random.nextInt(lengths.length)];
    String[] units = {"x", "张", "\\u4e2d", "\\n", "\\\"", "ab "};
    String unit = units[random.nextInt(units.length)];
    return "\"" + unit.repeat(Math.max(1, length / unit.length())) + "\"";
  }

  private static final byte[][] INVALID_UTF8 = {
      {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xBF}, // never valid; a lone continuation byte
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, // overlong encodings
      {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xE4, 0x22}, // a sequence cut short
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate, encoded
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // a 5-byte form
  };

  /** One to three invalid UTF-8 sequences, inserted or overwritten, most often inside a string. */
  private static byte[] invalidUtf8(byte[] original, Random random) {
    byte[] body = original;
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
      int at = random.nextInt(3) > 0 ? afterSomeQuote(body, random) : random.nextInt(body.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(body, 0, at);
      out.writeBytes(bad);
      int skip = random.nextBoolean() ? 0 : Math.min(bad.length, body.length - at); // overwrite instead of insert
      out.write(body, at + skip, body.length - at - skip);
      body = out.toByteArray();
    }
    return body;
  }

  private static int afterSomeQuote(byte[] body, Random random) {
    List<Integer> quotes = new ArrayList<>();
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '"') {
        quotes.add(i + 1);
      }
    }
    return quotes.isEmpty() ? random.nextInt(body.length) : quotes.get(random.nextInt(quotes.size()));
  }

  /** Random bytes: a whole body of them, or a run of them overwriting part of the recorded answer. */
  private static byte[] randomBytes(byte[] original, Random random) {
    if (random.nextBoolean()) {
      byte[] body = new byte[random.nextInt(2049)];
      random.nextBytes(body);
      return body;
    }
    byte[] body = original.clone();
    int at = random.nextInt(body.length);
    byte[] noise = new byte[1 + random.nextInt(Math.min(64, body.length - at))];
    random.nextBytes(noise);
    System.arraycopy(noise, 0, body, at, noise.length);
    return body;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

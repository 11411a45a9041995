package com.huiyi31.cli.drift;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.Huiyi31ConfigurationException;
import com.huiyi31.client.Huiyi31ValidationException;
import com.huiyi31.client.Huiyi31ValidationException.Problem;
import com.huiyi31.client.Huiyi31ValidationException.Subject;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks whether the platform still answers as the contract ({@code openapi.yaml}) says, for CI
 * jobs that must know when the spec, and so a generated client, has to change:
 *
 * <pre>{@code
 * DriftReport report = DriftCheck.builder()
 *     .credentials(appKey, System.getenv("HUIYI31_APP_SECRET"))   // the test environment by default
 *     .event("07320000-fe25-16f7-4c65-08d9fb59aefd")               // an event of that environment
 *     .build()
 *     .run();
 * if (report.hasDrift() || !report.complete()) {
 *   System.out.println(report.toText());
 * }
 * }</pre>
 *
 * <p>It sends only read-only or harmless requests: a token grant and the event's attendee-type
 * list, plus one Register only when {@link Builder#registerWith(String)} names a registration of a
 * test event. It reads the answers raw, not through the client's tolerant decoding, and judges
 * them strictly ({@link DriftReport.Kind}). The same command-line check is {@code huiyi31 drift};
 * {@link #record(Path, String)} ({@code huiyi31 record}) writes the answers as contract-test
 * fixtures instead.
 */
public final class DriftCheck {

  /** What the check talks to; never printed with its secret. */
  record Settings(String baseUrl, String oauthBaseUrl, String appKey, String appSecret, String eventId,
      byte[] registration) {
    @Override
    public String toString() {
      return "Settings[" + baseUrl + ", " + oauthBaseUrl + ", appKey=" + appKey + ", appSecret=****]";
    }
  }

  private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Settings settings;

  private DriftCheck(Settings settings) {
    this.settings = settings;
  }

  /** A check of the test environment ({@link Huiyi31Client#TEST_BASE_URL}) unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** Makes the exchanges and judges every answer; problems of the platform or the network end up in the report. */
  public DriftReport run() {
    Contract contract = Contract.shared();
    RawExchanges.Session session = new RawExchanges(settings).run();
    List<String> unchecked = new ArrayList<>(session.unchecked());
    List<String> checked = new ArrayList<>();
    List<DriftReport.Finding> findings = new ArrayList<>();
    for (Exchange exchange : session.exchanges()) {
      checked.add(exchange.operation());
      findings.addAll(AnswerCheck.check(contract, exchange, unchecked));
    }
    return new DriftReport(target(), contract.version(), checked, findings, unchecked);
  }

  /**
   * Makes the same exchanges and writes them as contract-test fixtures under {@code directory}, in
   * the layout the contract tests replay: {@code token/NAME/}, {@code attendee-types/NAME/} and
   * (with {@link Builder#registerWith(String)}) {@code NAME/}, each with {@code case.json} saying
   * where and when it was recorded, the request ({@code request.json}, never for the token) and the
   * answer. Names, mobiles, emails, form answers, ids and order numbers are replaced by fakes, the
   * same value by the same fake throughout; tokens are removed; files are created owner-only. Each
   * fixture is then validated as the contract tests validate it.
   *
   * @param caseName the fixtures' folder name: letters, digits, {@code .}, {@code _} and {@code -}
   * @throws java.nio.file.FileAlreadyExistsException when a folder of that name exists (checked before sending)
   * @throws IOException when a file cannot be written
   */
  public Recording record(Path directory, String caseName) throws IOException {
    Objects.requireNonNull(directory, "directory == null");
    Recorder recorder = new Recorder(Contract.shared(), directory, caseName, settings);
    RawExchanges.Session session = new RawExchanges(settings).run();
    return recorder.write(session);
  }

  private String target() {
    return settings.baseUrl() + " (token issuer " + settings.oauthBaseUrl() + ")";
  }

  @Override
  public String toString() {
    return "DriftCheck[" + settings + "]";
  }

  /** Configures a {@link DriftCheck}; the settings are checked as {@link Huiyi31Client.Builder} checks them. */
  public static final class Builder {
    private String baseUrl = Huiyi31Client.TEST_BASE_URL;
    private String oauthBaseUrl;
    private String appKey;
    private String appSecret;
    private String eventId;
    private String registration;

    private Builder() {}

    /** Where the platform is; default {@link Huiyi31Client#TEST_BASE_URL}. As {@link Huiyi31Client.Builder#baseUrl(String)}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** The token issuer; default as {@link Huiyi31Client.Builder#oauthBaseUrl(String)} (it follows the base URL). */
    public Builder oauthBaseUrl(String oauthBaseUrl) {
      this.oauthBaseUrl = oauthBaseUrl;
      return this;
    }

    /** The app key and secret for the token grant (required). The secret is never printed. */
    public Builder credentials(String appKey, String appSecret) {
      this.appKey = appKey;
      this.appSecret = appSecret;
      return this;
    }

    /** The event whose attendee-type list is checked (required). */
    public Builder event(String eventId) {
      this.eventId = eventId;
      return this;
    }

    /**
     * Also sends this Register request (JSON, the contract's {@code RegisterAttendeeRequest}) and
     * checks the answer. It creates an order: name a registration of a test event. Refused for
     * {@link Huiyi31Client#PRODUCTION_BASE_URL}.
     */
    public Builder registerWith(String registerRequestJson) {
      this.registration = registerRequestJson;
      return this;
    }

    /**
     * The check. Throws a {@code Huiyi31ConfigurationException} for an unusable URL or credentials
     * (as the client's builder would), and a {@code Huiyi31ValidationException} for a missing event
     * or a registration that is not a valid Register request (its problems name paths, never values).
     */
    public DriftCheck build() {
      Huiyi31Client.Builder client = Huiyi31Client.builder().baseUrl(baseUrl);
      String base = withoutTrailingSlash(baseUrl);
      String oauth = oauthBaseUrl != null ? withoutTrailingSlash(oauthBaseUrl) : base.equals(Huiyi31Client.TEST_BASE_URL)
          ? Huiyi31Client.TEST_OAUTH_URL : base.equals(Huiyi31Client.PRODUCTION_BASE_URL) ? Huiyi31Client.PRODUCTION_OAUTH_URL
          : base;
      client.oauthBaseUrl(oauth).credentials(appKey, appSecret);
      if (eventId == null || eventId.isBlank() || eventId.strip().length() > 36) {
        throw new Huiyi31ValidationException(List.of(new Problem(Subject.EVENT, "$.BventId",
            eventId == null || eventId.isBlank() ? "is missing: the event whose attendee types are checked"
                : "is longer than 36 characters (an event id is a GUID)")));
      }
      byte[] register = null;
      if (registration != null) {
        if (base.equals(Huiyi31Client.PRODUCTION_BASE_URL)) {
          throw new Huiyi31ConfigurationException("registerWith creates an order: the drift check sends it to the test "
              + "environment or a stand-in only, never to production.");
        }
        register = checkedRegistration(registration);
      }
      return new DriftCheck(new Settings(base, oauth, appKey.strip(), appSecret.strip(), eventId.strip(), register));
    }

    private static byte[] checkedRegistration(String json) {
      RegisterAttendeeRequest request;
      try {
        request = STRICT.readValue(json, RegisterAttendeeRequest.class);
      } catch (JsonMappingException e) {
        String path = "$" + e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
            : "[" + ref.getIndex() + "]").collect(Collectors.joining());
        throw new Huiyi31ValidationException(List.of(new Problem(Subject.REQUEST, path, "does not fit a Register "
            + "request of the contract (" + e.getClass().getSimpleName().replace("Exception", "") + ")")));
      } catch (IOException e) {
        throw new Huiyi31ValidationException(List.of(new Problem(Subject.REQUEST, "$", "is not JSON")));
      }
      if (request == null) {
        throw new Huiyi31ValidationException(List.of(new Problem(Subject.REQUEST, "$", "is null")));
      }
      List<Problem> problems = Huiyi31Client.problemsOf(request);
      if (!problems.isEmpty()) {
        throw new Huiyi31ValidationException(problems);
      }
      return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String withoutTrailingSlash(String url) {
      String text = url.strip();
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      return text;
    }
  }
}

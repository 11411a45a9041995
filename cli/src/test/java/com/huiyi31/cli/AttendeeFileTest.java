package com.huiyi31.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code register --attendee-file}: the attendee's personal data from a file or standard input,
 * not from flags that every user of the machine sees in the process list.
 */
class AttendeeFileTest {

  static final String REGISTER_PATH = "/op/notoken/api/Attendee/v1/Register";
  static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  static final String TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  static final String TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";
  static final String REGISTERED = "{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"orderNo\":\"2111041526362863634\","
      + "\"orderStatus\":\"Paid\",\"orderAttendees\":[{\"name\":\"测试人\",\"mobile\":\"13700000001\",\"checkinCode\":\"1\"}]}}";
  /** The request the file of {@link #keyValueFile} describes. */
  static final String EXPECTED = "{\"BventId\":\"" + EVENT + "\",\"AttendeeTypeId\":\"" + TYPE + "\","
      + "\"Attendee\":{\"Fields\":[{\"FieldName\":\"FullName\",\"FieldValue\":\"测试人\"},"
      + "{\"FieldName\":\"Mobile\",\"FieldValue\":\"13700000001\"},{\"FieldName\":\"Company\",\"FieldValue\":\"示例=科技\"}]},"
      + "\"Purchaser\":{\"Name\":\"购买人\",\"AreaCode\":\"+86\",\"Mobile\":\"13600000002\"},"
      + "\"Items\":[{\"ItemSkuId\":\"" + TICKET + "\",\"ItemSkuName\":\"嘉宾\",\"Quantity\":1}]}";
  /** Every personal value of the files below: none may appear in a message. */
  private static final List<String> PERSONAL = List.of("测试人", "13700000001", "购买人", "13600000002");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  @BeforeEach
  void answerRegistered() {
    wm.stubFor(post(urlEqualTo(REGISTER_PATH)).willReturn(aResponse()
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(REGISTERED)));
  }

  static String[] register(String baseUrl, String... more) {
    List<String> args = new ArrayList<>(List.of("register", "--base-url", baseUrl, "--event", EVENT, "--type", TYPE,
        "--ticket", TICKET + ":嘉宾"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** KEY=VALUE lines as a person writes them: a BOM, CRLF, a comment, a blank line, spaces, '=' in a value. */
  static String keyValueFile() {
    return "\uFEFF# the attendee\r\n"
        + "FullName = 测试人\r\n"
        + "Mobile=13700000001\r\n"
        + "\r\n"
        + "Company=示例=科技\r\n"
        + "purchaser-name=购买人\r\n"
        + "purchaser-mobile=13600000002\r\n"
        + "purchaser-area-code=+86\r\n";
  }

  @Test
  void keyValueLinesFromAFileReachTheRequest() throws IOException {
    Path file = Files.writeString(dir.resolve("attendee.txt"), keyValueFile(), StandardCharsets.UTF_8);

    Cli.Result cli = Cli.run(register(wm.baseUrl(), "--attendee-file", file.toString()));

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)).withRequestBody(equalToJson(EXPECTED)));
  }

  @Test
  void aJsonObjectOnStandardInputReachesTheRequest() {
    String json = "{\"FullName\": \"测试人\", \"Mobile\": \"13700000001\", \"Company\": \"示例=科技\",\n"
        + " \"purchaser-name\": \"购买人\", \"purchaser-mobile\": \"13600000002\", \"purchaser-area-code\": \"+86\"}\n";

    Cli.Result cli = Cli.runWithInput(json, register(wm.baseUrl(), "--attendee-file", "-"));

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)).withRequestBody(equalToJson(EXPECTED)));
  }

  @Test
  void flagsForOtherKeysAddToTheFileButAKeyInBothIsAUsageError() {
    Cli.Result combined = Cli.runWithInput("FullName=测试人\nMobile=13700000001\n",
        register(wm.baseUrl(), "--attendee-file", "-", "--field", "Company=示例=科技", "--purchaser-name", "购买人",
            "--purchaser-mobile", "13600000002", "--purchaser-area-code", "+86"));
    assertThat(combined.exitCode()).as(combined.toString()).isZero();
    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)).withRequestBody(equalToJson(EXPECTED)));

    Cli.Result field = Cli.runWithInput("FullName=测试人\nMobile=13700000001\n",
        register(wm.baseUrl(), "--attendee-file", "-", "--field", "Mobile=13700000009"));
    Cli.Result purchaser = Cli.runWithInput("Mobile=13700000001\npurchaser-mobile=13600000002\n",
        register(wm.baseUrl(), "--attendee-file", "-", "--purchaser-mobile", "13600000009"));

    assertThat(field.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(field.err()).contains("--field Mobile is also in --attendee-file: give it once.");
    assertThat(purchaser.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(purchaser.err()).contains("--purchaser-mobile is also in --attendee-file: give it once.");
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aFileThatCannotBeUsedIsAUsageErrorThatNamesTheLineOrKeyButNoValue() throws IOException {
    assertRefused("FullName=测试人\n13700000001\n", "--attendee-file standard input: line 2 is not KEY=VALUE (it has no '=').");
    assertRefused("FullName=测试人\n=13700000001\n", "line 2 is not KEY=VALUE (the key is empty).");
    assertRefused("Mobile=13700000001\nMobile=13600000002\n", "\"Mobile\" is given twice (line 1 and line 2).");
    assertRefused("Mobile=13700000001\npurchaser-phone=13600000002\n", "line 2: \"purchaser-phone\" is not one of "
        + "purchaser-name, purchaser-mobile, purchaser-area-code, purchaser-company.");
    assertRefused("{\"Mobile\": 13700000001}", "the value of \"Mobile\" is not a JSON string (put it in quotes");
    assertRefused("{\"Mobile\": \"13700000001\", \"Mobile\": \"13600000002\"}", "is not a valid JSON object at line 1, "
        + "column ", "(a key is given twice).");
    assertRefused("{\"FullName\": \"测试人\" \"Mobile\": \"13700000001\"}", "is not a valid JSON object at line 1, column");
    assertRefused("[\"测试人\", \"13700000001\"]", "line 1 is not KEY=VALUE (it has no '=')."); // JSON is an object
    assertRefused("# only a comment\n\n", "--attendee-file standard input holds no KEY=VALUE.");
    assertRefused("Mobile=" + "1".repeat(AttendeeFile.MAX_BYTES), "is over 1024 KiB");

    Path gbk = Files.write(dir.resolve("gbk.txt"), new byte[] {'F', 'u', 'l', 'l', 'N', 'a', 'm', 'e', '=', (byte) 0xD5,
        (byte) 0xC5, '\n'});
    Cli.Result notUtf8 = Cli.run(register(wm.baseUrl(), "--attendee-file", gbk.toString()));
    assertThat(notUtf8.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(notUtf8.err()).contains("--attendee-file " + gbk + " is not UTF-8 text.");
    Cli.Result missing = Cli.run(register(wm.baseUrl(), "--attendee-file", dir.resolve("missing.txt").toString()));
    assertThat(missing.exitCode()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(missing.err()).contains("missing.txt does not exist.");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  private void assertRefused(String stdin, String... expected) {
    Cli.Result cli = Cli.runWithInput(stdin, register(wm.baseUrl(), "--attendee-file", "-"));
    assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(cli.err().lines().findFirst().orElse("")).contains(expected);
    assertThat(cli.err() + cli.out()).doesNotContain(PERSONAL);
  }

  @Test
  void registerHelpSaysWhyToUseIt() {
    String help = Cli.run("register", "--help").out().replaceAll("\\s+", " ");

    assertThat(help).contains("--attendee-file=FILE", "- for standard input",
        "visible to every user of this machine in the process list (ps)", "stay in the shell's history",
        "purchaser-area-code", "a JSON object of the same keys", "@FILE");
  }

  @Test
  void picocliAtFilesWorkToo() throws IOException {
    // picocli reads an @-file in the JVM's default encoding (on Java 17 the system's): ASCII here,
    // so that this test holds on any machine. --attendee-file is always UTF-8.
    Path args = Files.writeString(dir.resolve("args.txt"), "# the attendee, out of the process list\n"
        + "--field \"FullName=Test Person\" --field Mobile=13700000001\n"
        + "--purchaser-mobile 13600000002\n", StandardCharsets.US_ASCII);

    Cli.Result cli = Cli.run(register(wm.baseUrl(), "@" + args));

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    wm.verify(1, postRequestedFor(urlEqualTo(REGISTER_PATH)).withRequestBody(equalToJson("{\"Attendee\":{\"Fields\":["
        + "{\"FieldName\":\"FullName\",\"FieldValue\":\"Test Person\"},{\"FieldName\":\"Mobile\",\"FieldValue\":\"13700000001\"}]},"
        + "\"Purchaser\":{\"Mobile\":\"13600000002\"}}", true, true)));
  }
}

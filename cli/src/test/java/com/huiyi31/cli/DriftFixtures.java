package com.huiyi31.cli;

import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the drift and record tests share: a registration of the sandbox's demo event, and its personal values. */
final class DriftFixtures {

  static final String EVENT = Huiyi31Sandbox.DEMO_EVENT_ID;
  static final String GUEST_TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  static final String GUEST_TICKET = "40180000-300e-9237-c7af-08dc6f31f78c";

  /** Every personal value of {@link #REGISTRATION}: none may appear in a report or a recorded fixture. */
  static final List<String> PERSONAL = List.of("张晓明", "13912345678", "zhang.xiaoming@example.com", "示例科技有限公司",
      "产品经理", "李思雨", "13787654321");

  static final String REGISTRATION = "{\"BventId\":\"" + EVENT + "\",\"AttendeeTypeId\":\"" + GUEST_TYPE + "\","
      + "\"Attendee\":{\"Fields\":["
      + "{\"FieldName\":\"FullName\",\"FieldValue\":\"张晓明\"},"
      + "{\"FieldName\":\"Mobile\",\"FieldValue\":\"13912345678\"},"
      + "{\"FieldName\":\"Email\",\"FieldValue\":\"zhang.xiaoming@example.com\"},"
      + "{\"FieldName\":\"Company\",\"FieldValue\":\"示例科技有限公司\"},"
      + "{\"FieldName\":\"Position\",\"FieldValue\":\"产品经理\"}]},"
      + "\"Purchaser\":{\"Name\":\"李思雨\",\"Mobile\":\"13787654321\",\"AreaCode\":\"+86\"},"
      + "\"Items\":[{\"ItemSkuId\":\"" + GUEST_TICKET + "\",\"ItemSkuName\":\"嘉宾票\",\"Quantity\":1}]}";

  private DriftFixtures() {}

  /** {@link #REGISTRATION} in a file of {@code dir}. */
  static Path registrationFile(Path dir) {
    try {
      return Files.writeString(dir.resolve("registration.json"), REGISTRATION, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The arguments of drift or record against {@code sandbox} with the demo credentials, then {@code extra}. */
  static String[] args(String command, Huiyi31Sandbox sandbox, String... extra) {
    List<String> args = new ArrayList<>(List.of(command, "--base-url", sandbox.baseUrl(), "--app-key",
        Huiyi31Sandbox.DEMO_APP_KEY, "--event", EVENT));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }
}

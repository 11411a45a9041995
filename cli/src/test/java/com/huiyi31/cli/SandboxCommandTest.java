package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.TicketItem;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code huiyi31 sandbox}: the banner, serving until stopped, and its errors. */
class SandboxCommandTest {

  @Test
  void printsWhereItListensAndTheTriggersThenServesUntilStopped() throws Exception {
    SandboxCommand command = new SandboxCommand();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0"));
    Huiyi31Sandbox sandbox = command.awaitListening(Duration.ofSeconds(30));

    assertThat(sandbox).as("the sandbox started; stderr: %s", err).isNotNull();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Sandbox listening on http://127.0.0.1:" + sandbox.port());
    assertThat(lines.get(0)).matches("Sandbox listening on http://127\\.0\\.0\\.1:[0-9]+");
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("Mobile ending in 0000", "1001"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("FullName \"SLOW\""));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("businessCode 400"));
    assertThat(lines).contains("Demo credentials (not secrets): app key sandbox-app-key, app secret sandbox-app-secret",
        "Demo event: 07320000-fe25-16f7-4c65-08d9fb59aefd (attendee types 嘉宾, 观众)");
    try (Huiyi31Client client = Huiyi31Client.builder().baseUrl(sandbox.baseUrl()).build()) {
      assertThat(client.attendees().registerAttendee(request()).getBusinessCode()).isZero();
    }
    assertThat(exit).isNotDone();

    command.stop();

    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(sandbox.registrations()).containsExactly(request());
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sandbox.port()), 2_000);
      }
    }).as("the port is closed after stopping").isInstanceOf(IOException.class);
  }

  @Test
  void aTakenPortIsAFailureWithAReason() {
    try (Huiyi31Sandbox taken = Huiyi31Sandbox.start(0)) {
      StringWriter err = new StringWriter();

      int exit = Huiyi31Cli.execute(new String[] {"sandbox", "--port", Integer.toString(taken.port())},
          new PrintWriter(new StringWriter()), new PrintWriter(err));

      assertThat(exit).isEqualTo(Huiyi31Cli.FAILED);
      assertThat(err.toString()).contains("Could not start the sandbox on 127.0.0.1:" + taken.port());
    }
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    StringWriter err = new StringWriter();

    int exit = Huiyi31Cli.execute(new String[] {"sandbox", "--port", "70000"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));

    assertThat(exit).isEqualTo(Huiyi31Cli.USAGE);
    assertThat(err.toString()).contains("--port must be between 0 and 65535");
  }

  @Test
  void helpListsTheTriggers() {
    StringWriter out = new StringWriter();

    int exit = Huiyi31Cli.execute(new String[] {"sandbox", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));

    assertThat(exit).isZero();
    String help = out.toString();
    assertThat(help).contains("--port", "Trigger values", "/connect/token", "/op/api/AttendeeType/v1/list",
        "sandbox-app-key", "sandbox-app-secret");
    for (Huiyi31Sandbox.Trigger trigger : Huiyi31Sandbox.triggers()) {
      assertThat(help).contains(trigger.when());
    }
  }

  private static RegisterAttendeeRequest request() {
    return new RegisterAttendeeRequest()
        .bventId("07320000-fe25-16f7-4c65-08d9fb59aefd")
        .attendeeTypeId("51f10000-4961-fe41-aba5-08dc70ba48eb")
        .attendee(new AttendeeForm()
            .addFieldsItem(new FormField().fieldName("FullName").fieldValue("张晓明"))
            .addFieldsItem(new FormField().fieldName("Mobile").fieldValue("13912345678")))
        .addItemsItem(new TicketItem().itemSkuId("40180000-300e-9237-c7af-08dc6f31f78c").itemSkuName("嘉宾").quantity(1));
  }
}

package com.huiyi31.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.AttendeeForm;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.OrderAttendee;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.RegisterAttendeeRequest;
import com.huiyi31.client.model.RegisterAttendeeResponse;
import com.huiyi31.client.model.RegistrationOrder;
import com.huiyi31.client.model.TicketItem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huiyi31 register}: registers one attendee and prints the order. */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Registers one attendee and prints the new order and check-in code.")
final class RegisterCommand implements Callable<Integer> {

  @Mixin
  PlatformOptions platform;

  @Mixin
  EventOptions target;

  @Option(names = "--field", paramLabel = "NAME=VALUE",
      description = "A form answer, e.g. FullName=张晓明 or Mobile=13912345678 (repeatable; choice fields take the option code).")
  List<String> fields = new ArrayList<>();

  @Option(names = "--ticket", required = true, paramLabel = "SKU_ID:SKU_NAME[:QTY]",
      description = "A ticket to order (repeatable); quantity 1 unless given.")
  List<String> tickets = new ArrayList<>();

  @Option(names = "--agenda", paramLabel = "AGENDA_ID[:PARENT_SKU]", description = "A session to book (repeatable).")
  List<String> agendas = new ArrayList<>();

  @Option(names = "--invitation", paramLabel = "CODE", description = "The invitation code.")
  String invitation;

  @Option(names = "--purchaser-name", paramLabel = "NAME", description = "The contact person, when not the attendee.")
  String purchaserName;

  @Option(names = "--purchaser-mobile", paramLabel = "MOBILE", description = "The contact's mobile number.")
  String purchaserMobile;

  @Option(names = "--purchaser-area-code", paramLabel = "CODE", description = "The contact's area code, e.g. +86.")
  String purchaserAreaCode;

  @Option(names = "--purchaser-company", paramLabel = "NAME", description = "The contact's company.")
  String purchaserCompany;

  @Option(names = "--json", description = "Print the platform's whole answer as JSON.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RegisterAttendeeRequest request = request();
    try (PlatformOptions.Connection connection = platform.connect(spec.commandLine(), 1)) {
      RegisterAttendeeResponse response = connection.client.attendees().registerAttendee(request);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(response));
      } else {
        print(response.getData(), out);
      }
      out.flush();
      return Huiyi31Cli.OK;
    }
  }

  RegisterAttendeeRequest request() {
    AttendeeForm form = new AttendeeForm();
    for (String field : fields) {
      String[] pair = Arguments.split(spec.commandLine(), "--field", field, "NAME=VALUE", '=');
      form.addFieldsItem(new FormField().fieldName(pair[0]).fieldValue(pair[1]));
    }
    RegisterAttendeeRequest request = new RegisterAttendeeRequest()
        .bventId(target.event).attendeeTypeId(target.type).attendee(form).invitationCode(invitation);
    for (String ticket : tickets) {
      request.addItemsItem(Arguments.ticket(spec.commandLine(), ticket));
    }
    for (String agenda : agendas) {
      String[] parts = agenda.split(":", 2);
      request.addAgendasItem(new AgendaChoice().agendaId(parts[0]).parentSkuId(parts.length > 1 ? parts[1] : null));
    }
    if (purchaserName != null || purchaserMobile != null || purchaserAreaCode != null || purchaserCompany != null) {
      request.purchaser(new Purchaser().name(purchaserName).mobile(purchaserMobile)
          .areaCode(purchaserAreaCode).company(purchaserCompany));
    }
    return request;
  }

  private static void print(RegistrationOrder order, PrintWriter out) {
    if (order == null) {
      out.println("Registered (the platform sent no order details).");
      return;
    }
    out.printf("Registered: order %s, status %s, amount %s%n",
        order.getOrderNo(), order.getOrderStatus(), order.getOrderAmount() == null ? "-" : order.getOrderAmount().toPlainString());
    if (order.getOrderAttendees() != null) {
      for (OrderAttendee attendee : order.getOrderAttendees()) {
        out.printf("  %s  %s  check-in code %s%n", attendee.getName(), Arguments.maskMobile(attendee.getMobile()),
            attendee.getCheckinCode());
      }
    }
  }
}

package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.huiyi31.client.Huiyi31ValidationException.Problem;
import com.huiyi31.client.Huiyi31ValidationException.Subject;
import com.huiyi31.client.model.AgendaChoice;
import com.huiyi31.client.model.AttendeeType;
import com.huiyi31.client.model.AttendeeTypeTicket;
import com.huiyi31.client.model.FieldOption;
import com.huiyi31.client.model.FormField;
import com.huiyi31.client.model.FormFieldDefinition;
import com.huiyi31.client.model.ListAttendeeTypesRequest;
import com.huiyi31.client.model.Purchaser;
import com.huiyi31.client.model.TicketAgenda;
import com.huiyi31.client.model.TicketItem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each problem says which part of the request it is about, so that a caller maps it to its own
 * input (a CSV column, a form field) without reading the message: for raw requests and for
 * registration by names alike.
 */
class ProblemSubjectTest {

  private static final String EVENT = Fixtures.EVENT_ID;
  private static final String GUEST = "guest-type";
  private static final String GUEST_TICKET = "guest-ticket";
  private static final String AGENDA = "agenda-1";

  @Test
  void eachPartOfARawRequestHasItsSubject() {
    var request = Fixtures.validRequest().bventId(" ").attendeeTypeId(null)
        .purchaser(new Purchaser().mobile("not a number"))
        .addItemsItem(new TicketItem().itemSkuId("sku").itemSkuName("name").quantity(0))
        .addAgendasItem(null);
    request.getAttendee().getFields().set(1, new FormField().fieldName("Mobile").fieldValue("12"));
    request.getAttendee().addFieldsItem(new FormField().fieldName(" ").fieldValue("x"));

    assertThat(RequestValidator.problemsOf(request)).extracting(Problem::subject, Problem::fieldName, Problem::path)
        .containsExactly(
            tuple(Subject.EVENT, Optional.empty(), "$.BventId"),
            tuple(Subject.TYPE, Optional.empty(), "$.AttendeeTypeId"),
            tuple(Subject.FIELD, Optional.of("Mobile"), "$.Attendee.Fields[1].FieldValue"),
            tuple(Subject.FIELD, Optional.empty(), "$.Attendee.Fields[3].FieldName"),
            tuple(Subject.PURCHASER, Optional.empty(), "$.Purchaser.Mobile"),
            tuple(Subject.TICKET, Optional.empty(), "$.Items[1].Quantity"),
            tuple(Subject.AGENDA, Optional.empty(), "$.Agendas[0]"));
  }

  @Test
  void fieldProblemsNameTheFieldAsTheRequestDoesAndTheAnswersAsAWholeNameNone() {
    var request = Fixtures.validRequest();
    request.getAttendee().setFields(List.of(new FormField().fieldName("FullName").fieldValue("张晓明"),
        new FormField().fieldName("fullname").fieldValue("张晓明")));

    assertThat(RequestValidator.problemsOf(request)).extracting(Problem::subject, Problem::fieldName, Problem::toString)
        .containsExactly(
            tuple(Subject.FIELD, Optional.of("fullname"), "$.Attendee.Fields[1].FieldName repeats \"fullname\" of $.Attendee.Fields[0]"),
            tuple(Subject.FIELD, Optional.empty(),
                "$.Attendee.Fields has no non-empty Mobile or Email field (the platform requires one of them)"));
  }

  @Test
  void theTypeListRequestAndAMissingRequestHaveTheirs() {
    assertThat(RequestValidator.problemsOf(new ListAttendeeTypesRequest())).extracting(Problem::subject, Problem::path)
        .containsExactly(tuple(Subject.EVENT, "$.BventId"));
    assertThat(RequestValidator.problemsOf(null)).extracting(Problem::subject, Problem::path)
        .containsExactly(tuple(Subject.REQUEST, "$"));
  }

  @Test
  void byNamesTheTypeTicketFieldsAndAgendasHaveTheirs() {
    Registrant registrant = Registrant.builder().type("嘉宾").ticket("VIP票")
        .field("性别", "男").field("单选选择", "双").field("手机", "13912345678").agenda(AGENDA).build();

    List<Problem> problems = EventRegistration.Resolution.of(EVENT, types(), registrant).problems;

    assertThat(problems).extracting(Problem::subject, Problem::fieldName, Problem::path).containsExactly(
        tuple(Subject.TICKET, Optional.empty(), "ticket"),
        tuple(Subject.FIELD, Optional.of("性别"), "field \"性别\""),
        tuple(Subject.FIELD, Optional.of("单选选择"), "field \"单选选择\""));

    assertThat(EventRegistration.Resolution.of(EVENT, types(), Registrant.builder().type("访客").build()).problems)
        .extracting(Problem::subject, Problem::path).containsExactly(tuple(Subject.TYPE, "type"));
    assertThat(EventRegistration.Resolution.of(EVENT, types(), Registrant.builder().type("嘉宾")
        .field("手机", "13912345678").agenda("nowhere").agenda(AGENDA).agenda(AGENDA).build()).problems)
        .extracting(Problem::subject, Problem::path)
        .containsExactly(tuple(Subject.AGENDA, "agendas[0]"), tuple(Subject.AGENDA, "agendas[2]"));
  }

  @Test
  void byNamesTheContractsRulesNameTheFieldAsTheRegistrantDid() {
    Registrant registrant = Registrant.builder().type("嘉宾").field("姓名", "张晓明").field("手机", "12").build();

    List<Problem> problems = EventRegistration.Resolution.of(EVENT, types(), registrant).problems;

    // The path is the request's (the field is "Mobile" there); the name is the registrant's label.
    assertThat(problems).extracting(Problem::subject, Problem::fieldName, Problem::toString).containsExactly(
        tuple(Subject.FIELD, Optional.of("手机"),
            "$.Attendee.Fields[1].FieldValue is not a mobile number (digits, optionally a leading +)"));
  }

  @Test
  void aResolvedRegistrantHasNoProblems() {
    EventRegistration.Resolution resolution = EventRegistration.Resolution.of(EVENT, types(),
        Registrant.builder().type("嘉宾").field("手机", "13912345678").field("单选选择", "单").agenda(AGENDA).build());

    assertThat(resolution.problems).isEmpty();
    assertThat(resolution.request.getAgendas()).extracting(AgendaChoice::getAgendaId).containsExactly(AGENDA);
  }

  @Test
  void aProblemWithoutAFieldNameHasAnEmptyOne() {
    Problem problem = new Problem(Subject.REQUEST, "$", "is null");

    assertThat(problem.subject()).isEqualTo(Subject.REQUEST);
    assertThat(problem.fieldName()).isEmpty();
    assertThat(problem).hasToString("$ is null");
  }

  /** One event: the type 嘉宾 with one ticket on sale (one session), and a form of 姓名, 手机 and a choice. */
  private static List<AttendeeType> types() {
    return List.of(new AttendeeType().id(GUEST).name("嘉宾")
        .addTicketsItem(new AttendeeTypeTicket().id(GUEST_TICKET).name("嘉宾票").isCanSale(true)
            .addRelationAgendasTreeItem(new TicketAgenda().agendaId(AGENDA)))
        .addFieldsItem(new FormFieldDefinition().fieldName("FullName").displayName("姓名"))
        .addFieldsItem(new FormFieldDefinition().fieldName("Mobile").displayName("手机"))
        .addFieldsItem(new FormFieldDefinition().fieldName("StringField1").displayName("单选选择")
            .addFieldOptionsItem(new FieldOption().code("0").optionDescribe("单"))));
  }
}

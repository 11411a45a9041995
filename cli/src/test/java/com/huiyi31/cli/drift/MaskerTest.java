package com.huiyi31.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@link Masker}: which values become fakes, that the fakes are consistent, and what drifted values get. */
class MaskerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGISTER = RawExchanges.REGISTER_PATH;

  private final Contract contract = Contract.shared();
  private final Masker masker = new Masker(contract);

  private JsonNode answer(String json) throws Exception {
    Contract.Located schema = contract.answerSchema(REGISTER, 200);
    return masker.scrub(schema, masker.mask(schema, JSON.readTree(json)));
  }

  @Test
  void personalValuesOfADriftedTypeAreMaskedKeepingTheirType() throws Exception {
    JsonNode masked = answer("{\"businessCode\":0,\"businessMessage\":\"\",\"data\":{\"orderNo\":2111041526362863634,"
        + "\"orderAttendees\":[{\"name\":\"张晓明\",\"mobile\":13912345678,\"attendeeId\":42}]}}");

    JsonNode attendee = masked.path("data").path("orderAttendees").get(0);
    assertThat(attendee.path("mobile").isIntegralNumber()).isTrue();
    assertThat(attendee.path("mobile").asText()).hasSize(11).isNotEqualTo("13912345678");
    assertThat(attendee.path("attendeeId").isIntegralNumber()).isTrue();
    assertThat(attendee.path("attendeeId").asInt()).isNotEqualTo(42);
    assertThat(masked.path("data").path("orderNo").asText()).hasSize(19).startsWith("9").isNotEqualTo("2111041526362863634");
    assertThat(attendee.path("name").asText()).isEqualTo("测试甲");
  }

  @Test
  void aMessageQuotingAPersonIsScrubbedWithTheSameFakes() throws Exception {
    JsonNode masked = answer("{\"businessCode\":1001,\"businessMessage\":\"张晓明的手机号13912345678已被注册, 邮箱 a.b@corp.cn\","
        + "\"data\":{\"orderAttendees\":[{\"name\":\"张晓明\",\"mobile\":\"13912345678\"}]}}");

    String message = masked.path("businessMessage").asText();
    JsonNode attendee = masked.path("data").path("orderAttendees").get(0);
    assertThat(message).isEqualTo("测试甲的手机号" + attendee.path("mobile").asText() + "已被注册, 邮箱 test1@example.com");
    assertThat(attendee.path("name").asText()).isEqualTo("测试甲");
  }

  @Test
  void undeclaredPropertiesAreMaskedWhateverTheyHoldAndShortValuesAreNotHuntedInsideText() throws Exception {
    JsonNode masked = answer("{\"businessCode\":0,\"businessMessage\":\"10 人\",\"traceId\":\"abc-10\","
        + "\"data\":{\"orderType\":\"Main\",\"orderAttendees\":[{\"name\":\"10\"}],"
        + "\"guest\":{\"phone\":\"+86 139 1234 5678\",\"seat\":10,\"card\":13912345678}}}");

    assertThat(masked.path("traceId").asText()).isEqualTo("示例1");
    JsonNode guest = masked.path("data").path("guest");
    assertThat(guest.path("phone").asText()).matches("1380013[0-9]{4}");
    assertThat(guest.path("seat").asInt()).as("a small number says nothing about a person").isEqualTo(10);
    assertThat(guest.path("card").asText()).hasSize(11).isNotEqualTo("13912345678");
    assertThat(masked.path("data").path("orderType").asText()).as("declared and not personal: kept").isEqualTo("Main");
    assertThat(masked.path("data").path("orderAttendees").get(0).path("name").asText()).isEqualTo("测试甲");
    assertThat(masked.path("businessMessage").asText()).as("a name of two digits is not replaced inside text").isEqualTo("10 人");
  }

  @Test
  void theSameIdBecomesTheSameFakeInRequestAndAnswer() throws Exception {
    JsonNode request = masker.mask(contract.requestSchema(RawExchanges.LIST_TYPES_PATH),
        JSON.readTree("{\"BventId\":\"07320000-fe25-16f7-4c65-08d9fb59aefd\"}"));
    JsonNode answer = masker.mask(contract.answerSchema(RawExchanges.LIST_TYPES_PATH, 200), JSON.readTree(
        "{\"businessCode\":0,\"data\":{\"attendeeTypes\":[{\"id\":\"07320000-fe25-16f7-4c65-08d9fb59aefd\",\"name\":\"嘉宾\"},"
            + "{\"Id\":\"51f10000-4961-fe41-aba5-08dc70ba48eb\",\"name\":\"观众\"}]}}"));

    JsonNode types = answer.path("data").path("attendeeTypes");
    assertThat(types.get(0).path("id").asText()).isEqualTo(request.path("BventId").asText())
        .isEqualTo("00000000-0000-4000-8000-000000000001");
    assertThat(types.get(1).path("Id").asText()).as("other casing, masked all the same")
        .isEqualTo("00000000-0000-4000-8000-000000000002");
    assertThat(types.get(1).path("name").asText()).isEqualTo("观众");
  }

  @Test
  void secretsAreRemoved() throws Exception {
    Contract.Located token = contract.answerSchema(RawExchanges.TOKEN_PATH, 200);

    JsonNode masked = masker.mask(token, JSON.readTree("{\"access_token\":\"eyJ.abc\",\"refresh_token\":\"r-1\",\"expires_in\":600}"));

    assertThat(masked.path("access_token").asText()).isEqualTo(Masker.REMOVED);
    assertThat(masked.path("refresh_token").asText()).isEqualTo(Masker.REMOVED);
    assertThat(masked.path("expires_in").asInt()).isEqualTo(600);
  }
}

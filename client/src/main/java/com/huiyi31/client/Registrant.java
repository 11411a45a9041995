package com.huiyi31.client;

import com.huiyi31.client.model.Purchaser;
import java.util.ArrayList;
import java.util.List;

/**
 * One person to register, described the way people describe them: the attendee type and ticket
 * by name or id, form fields by display name ({@code 手机}) or field name ({@code Mobile}), choice
 * fields by option text ({@code 单}) or code ({@code "0"}). {@link EventRegistration} turns it
 * into a Register request for one event, checking every part against the event's form first.
 *
 * <pre>{@code
 * Registrant person = Registrant.builder()
 *     .type("嘉宾").ticket("嘉宾票")
 *     .field("姓名", "张晓明").field("手机", "13912345678").field("单选选择", "单")
 *     .build();
 * }</pre>
 *
 * <p>Immutable. {@link #toString()} never prints the values (they are personal data).
 */
public final class Registrant {

  /** One answer as given: the field's display name or field name, and the value or option text. */
  public record Answer(String field, String value) {
    @Override
    public String toString() {
      return field + "=***";
    }
  }

  private final String type;
  private final String ticket;
  private final List<Answer> answers;
  private final List<String> agendas;
  private final String invitationCode;
  private final Purchaser purchaser;

  private Registrant(Builder builder) {
    this.type = builder.type;
    this.ticket = builder.ticket;
    this.answers = List.copyOf(builder.answers);
    this.agendas = List.copyOf(builder.agendas);
    this.invitationCode = builder.invitationCode;
    this.purchaser = builder.purchaser;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The attendee type's name or id; null to let the event decide (when it has exactly one type). */
  public String type() {
    return type;
  }

  /** The ticket's name or id; null to let the type decide (when it has exactly one ticket on sale). */
  public String ticket() {
    return ticket;
  }

  /** The answers, in the order given. */
  public List<Answer> answers() {
    return answers;
  }

  /** Ids of the sessions to book; each must be bound to the ticket. */
  public List<String> agendas() {
    return agendas;
  }

  public String invitationCode() {
    return invitationCode;
  }

  public Purchaser purchaser() {
    return purchaser;
  }

  @Override
  public String toString() {
    return "Registrant[type=" + type + ", ticket=" + ticket + ", answers=" + answers + ", agendas=" + agendas
        + (invitationCode == null ? "" : ", invitationCode=***") + (purchaser == null ? "" : ", purchaser=***") + "]";
  }

  /** Collects a {@link Registrant}. Nothing is checked here: the event's form decides, at registration. */
  public static final class Builder {
    private String type;
    private String ticket;
    private final List<Answer> answers = new ArrayList<>();
    private final List<String> agendas = new ArrayList<>();
    private String invitationCode;
    private Purchaser purchaser;

    private Builder() {}

    /** The attendee type, by name ({@code 嘉宾}) or id. May be left out when the event has one type. */
    public Builder type(String nameOrId) {
      this.type = nameOrId;
      return this;
    }

    /** The ticket, by name ({@code 嘉宾票}) or id. May be left out when the type has one ticket on sale. */
    public Builder ticket(String nameOrId) {
      this.ticket = nameOrId;
      return this;
    }

    /**
     * One answer: the field by display name ({@code 手机}) or field name ({@code Mobile}); for a
     * choice field the value is the option's text ({@code 单}) or code ({@code "0"}). A null or
     * blank value means "not answered" and is not sent.
     */
    public Builder field(String field, String value) {
      answers.add(new Answer(field, value));
      return this;
    }

    /** A session to book, by its agenda id; it must be bound to the chosen ticket. */
    public Builder agenda(String agendaId) {
      agendas.add(agendaId);
      return this;
    }

    public Builder invitationCode(String invitationCode) {
      this.invitationCode = invitationCode;
      return this;
    }

    /** The contact who places the order, when that is not the attendee. */
    public Builder purchaser(Purchaser purchaser) {
      this.purchaser = purchaser;
      return this;
    }

    public Registrant build() {
      return new Registrant(this);
    }
  }
}

package com.huiyi31.cli;

import com.huiyi31.cli.imports.ImportSettings;
import com.huiyi31.client.model.TicketItem;
import picocli.CommandLine;

/** Parsing of the compound values the commands accept, with usage errors that say what was wrong. */
final class Arguments {

  private Arguments() {}

  /** "NAME=VALUE" into its two parts (the value may contain the separator). */
  static String[] split(CommandLine commandLine, String option, String value, String form, char separator) {
    int at = value.indexOf(separator);
    if (at <= 0) {
      throw new CommandLine.ParameterException(commandLine,
          option + " takes " + form + ", but got '" + value + "'.");
    }
    return new String[] {value.substring(0, at).strip(), value.substring(at + 1)};
  }

  /**
   * A ticket in the full form, for a command without --app-key (which needs the SKU_NAME); a usage
   * error naming what is missing otherwise.
   */
  static TicketItem ticketItem(CommandLine commandLine, String option, TicketArgument ticket) {
    if (ticket.idOnly()) {
      String colon = ticket.text().matches(".*[\\uFF1A\\uFE55\\uFE13].*") ? " (with an ASCII ':', not '：')" : "";
      throw new CommandLine.ParameterException(commandLine, option + " takes " + TicketArgument.FORM + colon
          + " without --app-key, but got '" + ticket.text() + "'.");
    }
    return ticket.item();
  }

  /**
   * The range of import's --rate in words, a constant for the option's help: ImportSettings'
   * MIN_RATE_PER_SECOND to MAX_RATE_PER_SECOND (ImportCommandTest accepts both and refuses just outside).
   */
  static final String RATE_RANGE = "0.01 to 1000";

  /**
   * import's --rate: requests per second, a number from 0.01 to 1000. Anything else (0, negative,
   * 1e-300, NaN, Infinity, 5000) is a usage error: a rate so small that its spacing overflows
   * would let every row through at once.
   */
  static final class RateConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double rate;
      try {
        rate = Double.parseDouble(value.strip());
      } catch (NumberFormatException e) {
        rate = Double.NaN;
      }
      if (!(rate >= ImportSettings.MIN_RATE_PER_SECOND && rate <= ImportSettings.MAX_RATE_PER_SECOND)) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a rate from " + RATE_RANGE
            + " requests per second");
      }
      return rate;
    }
  }

  /** 13912345678 as 139****5678: the tool prints no mobile number in clear. */
  static String maskMobile(String mobile) {
    if (mobile == null || mobile.isEmpty()) {
      return "";
    }
    String digits = mobile.replaceAll("[^0-9]", "");
    return digits.length() < 8 ? "****" : digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
  }
}

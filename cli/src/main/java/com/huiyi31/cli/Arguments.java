package com.huiyi31.cli;

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

  /** "SKU_ID:SKU_NAME[:QTY]" into a ticket item; the quantity is 1 unless a trailing ":number" gives it. */
  static TicketItem ticket(CommandLine commandLine, String value) {
    String[] idAndRest = split(commandLine, "--ticket", value, "SKU_ID:SKU_NAME[:QTY]", ':');
    String name = idAndRest[1];
    int quantity = 1;
    int last = name.lastIndexOf(':');
    if (last >= 0 && name.substring(last + 1).matches("-?[0-9]{1,9}")) {
      quantity = Integer.parseInt(name.substring(last + 1));
      name = name.substring(0, last);
    }
    return new TicketItem().itemSkuId(idAndRest[0]).itemSkuName(name).quantity(quantity);
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

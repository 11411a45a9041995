package com.huiyi31.cli;

import com.huiyi31.client.model.TicketItem;
import java.text.Normalizer;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A ticket as the tools take it, in {@code --ticket} and in an import's {@code ticket} column:
 * {@code SKU_ID:SKU_NAME} (quantity 1) or {@code SKU_ID:SKU_NAME:QTY}; with {@code --app-key} also
 * {@code SKU_ID} alone (or the ticket's name), resolved against the event.
 *
 * <p>The grammar, exactly: the value is split at ASCII colons into two or three parts. SKU_ID and
 * SKU_NAME are not blank (spaces around them are dropped); SKU_NAME cannot contain ':' and may not
 * look like a quantity, wholly ({@code SKU:2}) or after a colon that is not ASCII ({@code SKU:嘉宾：2},
 * typed with a Chinese input method). QTY is the ASCII digits 0-9 alone, 1 to {@value #MAX_QUANTITY}.
 * Anything else ({@code SKU:嘉宾: 2}, {@code SKU:嘉宾:２}, {@code SKU:嘉宾:-1}, {@code SKU:嘉宾:10000000000})
 * is refused with the reason, rather than guessed: it used to become part of the name, and the
 * platform got quantity 1.
 *
 * @param text the value as given
 * @param id the SKU_ID (or with --app-key the ticket's id or name, when {@code name} is null)
 * @param name the SKU_NAME, or null when only an id was given
 * @param quantity QTY, 1 when not given
 */
record TicketArgument(String text, String id, String name, int quantity) {

  /** The most tickets of one kind one registration orders (the platform's own example orders 1). */
  static final int MAX_QUANTITY = 100;

  /** The form, as the help and the messages show it. */
  static final String FORM = "SKU_ID:SKU_NAME[:QTY]";

  /** A number, after NFKC (full-width digits become ASCII ones): the whole of a name that looks like a quantity. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\p{Nd}+");

  /** A name ending in a colon that was not ASCII (NFKC makes '：', '﹕' and '︓' ':') and a number. */
  private static final Pattern ENDS_IN_A_QUANTITY = Pattern.compile(".*:\\s*[+-]?\\p{Nd}+\\s*");

  /**
   * Parses {@code text}; throws IllegalArgumentException with the reason, which names the parts
   * (SKU_NAME, QTY) but quotes no value: an import shows it for a cell of the user's file.
   */
  static TicketArgument parse(String text) {
    if (text.indexOf(':') < 0) {
      if (text.isBlank()) {
        throw new IllegalArgumentException("it is empty");
      }
      return new TicketArgument(text, text.strip(), null, 1);
    }
    String[] parts = text.split(":", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("it has more than two ':' (a ticket's name cannot contain ':')");
    }
    String id = parts[0].strip();
    String name = parts[1].strip();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("SKU_ID, before the first ':', is empty");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("SKU_NAME is empty");
    }
    String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC);
    if (NUMBER.matcher(normalized).matches()) {
      throw new IllegalArgumentException("SKU_NAME looks like a quantity (the form is " + FORM + ")");
    }
    if (ENDS_IN_A_QUANTITY.matcher(normalized).matches()) {
      throw new IllegalArgumentException("SKU_NAME ends in a number after a colon that is not ':' (a full-width '：'?): "
          + "put QTY after an ASCII ':'");
    }
    return new TicketArgument(text, id, name, parts.length == 3 ? quantity(parts[2]) : 1);
  }

  private static int quantity(String qty) {
    if (qty.isEmpty()) {
      throw new IllegalArgumentException("QTY, after the last ':', is empty");
    }
    if (!qty.matches("[0-9]+")) {
      String why;
      if (qty.strip().matches("[0-9]+")) {
        why = "has spaces around it";
      } else if (qty.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
        why = "has digits other than 0-9 (full-width ones?)";
      } else {
        why = "is not a whole number";
      }
      throw new IllegalArgumentException("QTY " + why + ": it must be the digits 0-9 alone, 1 to " + MAX_QUANTITY);
    }
    String digits = qty.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 3 || Integer.parseInt(digits) > MAX_QUANTITY) {
      throw new IllegalArgumentException("QTY is more than " + MAX_QUANTITY);
    }
    if (Integer.parseInt(digits) == 0) {
      throw new IllegalArgumentException("QTY is 0: it must be at least 1");
    }
    return Integer.parseInt(digits);
  }

  /** Whether only an id (or, with --app-key, a name) was given, no SKU_NAME. */
  boolean idOnly() {
    return name == null;
  }

  /** The Register request's item; only for the full form. */
  TicketItem item() {
    if (idOnly()) {
      throw new IllegalStateException("no SKU_NAME");
    }
    return new TicketItem().itemSkuId(id).itemSkuName(name).quantity(quantity);
  }

  /** For picocli: a malformed --ticket is a usage error (exit 2) naming the problem. */
  static final class Converter implements CommandLine.ITypeConverter<TicketArgument> {
    @Override
    public TicketArgument convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        // A ticket is not personal data: the value may be quoted.
        throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage() + ".");
      }
    }
  }
}

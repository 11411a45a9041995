package com.huiyi31.cli.imports;

/**
 * The import cannot start: the file, the journal or the options are unusable. Nothing was sent.
 * The message is for a person (it may span several lines) and quotes no personal value.
 */
public final class InvalidImportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidImportException(String message) {
    super(message);
  }
}

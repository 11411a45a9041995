package com.huiyi31.client;

/** What the starter's tests need to see of a client that its public API does not show. */
public final class ClientProbe {

  private ClientProbe() {}

  /** Connections open in the client's pool: none once it is closed. */
  public static int openConnections(Huiyi31Client client) {
    return client.openConnections();
  }
}

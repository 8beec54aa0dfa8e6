import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Dev/CI Neo4j Community 5.26, embedded, speaking Bolt.
 *
 * Usage: java [add-opens flags] -cp out:$(cat cp.txt) Launcher HOME PORT [HOST]
 * HOME keeps the store (HOME/data/databases/neo4j), so the same HOME means the same data.
 * HOST must be a loopback address; otherwise the launcher refuses to start.
 * Auth: with NEO4J_PASSWORD_FILE set (the platform sets it to DATA_DIR/neo4j/password, generated on first start),
 * auth is on and user `neo4j` has that password (set with Bolt off before the first start with it, see
 * applyPasswordOffline; a store made earlier without auth gets it the same way); without it (the test runs' throw-away
 * stores, start-ci.sh) auth is off, so any local process could run any Cypher on the port.
 * Prints "NEO4J_READY bolt://HOST:PORT" on stdout once Bolt accepts connections; stops cleanly on SIGTERM/SIGINT.
 *
 * Ownership: the store holds one (:StoreOwner {token}) node, created on first start, and HOME/store-owner.token holds
 * the same token, so a platform finding a Neo4j already on its port can tell whether it serves its own DATA_DIR.
 * With NEO4J_EXIT_WITH_PARENT=1 (set by the platform's embedded launcher) it also shuts down when stdin closes, i.e.
 * when the process that started it is gone, however it died: no orphaned Neo4j keeps the store and the port.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: Launcher HOME PORT [HOST]   (expected 2 or 3 arguments, got " + args.length + ")");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = parsePort(args[1]);
    String host = args.length == 3 ? args[2] : "127.0.0.1";
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      System.err.println("Launcher: expected a loopback HOST, got " + host);
      System.exit(2);
    }

    String passwordFile = System.getenv("NEO4J_PASSWORD_FILE");
    String password = passwordFile == null || passwordFile.isBlank()
        ? null : Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).trim();
    if (password != null && password.length() < 8) {
      System.err.println("Launcher: NEO4J_PASSWORD_FILE: expected a password of at least 8 characters");
      System.exit(2);
    }

    long t0 = System.nanoTime();
    // Under data/, so that deleting the data (system database included) also forgets that the password was set.
    Path applied = home.resolve("data").resolve("password.applied");
    if (password != null && !isApplied(applied, password)) applyPasswordOffline(home, password, applied);
    DatabaseManagementService dbms = configure(home, host, port, password != null).build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("Launcher: shutting down");
      dbms.shutdown();
      stopped.countDown();
    }, "neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    // Block until the default database is available, so READY means queries work, not just that the port is open.
    if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
      System.err.println("Launcher: database did not become available within 2 minutes");
      System.exit(1);
    }
    String token = ensureStoreOwner(db, home.resolve("store-owner.token"));
    if ("1".equals(System.getenv("NEO4J_EXIT_WITH_PARENT"))) exitWhenStdinCloses();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("NEO4J_READY bolt://" + host + ":" + port + " home=" + home + " startup_ms=" + ms
        + " owner=" + token.substring(0, 8));
    System.out.flush();
    stopped.await();
  }

  /** The store's owner token: the (:StoreOwner) node's, created (from the token file, or new) when absent; the file follows the node. */
  private static String ensureStoreOwner(GraphDatabaseService db, Path tokenFile) throws IOException {
    String token;
    try (Transaction tx = db.beginTx()) {
      Label label = Label.label("StoreOwner");
      try (ResourceIterator<Node> owners = tx.findNodes(label)) {
        if (owners.hasNext()) {
          token = (String) owners.next().getProperty("token");
        } else {
          token = Files.exists(tokenFile) ? Files.readString(tokenFile, StandardCharsets.UTF_8).trim() : "";
          if (token.isEmpty()) token = UUID.randomUUID().toString();
          tx.createNode(label).setProperty("token", token);
        }
      }
      tx.commit();
    }
    if (!Files.exists(tokenFile) || !Files.readString(tokenFile, StandardCharsets.UTF_8).trim().equals(token)) {
      Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
    }
    return token;
  }

  private static DatabaseManagementServiceBuilder configure(Path home, String host, int port, boolean auth) {
    return new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.auth_enabled, auth)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
        // The monitor that enforces transaction timeouts looks every 2 s by default, so a cohort query with a 300 ms
        // budget could run (and answer) for up to 2 s; checking every 100 ms makes a budget mean what it says.
        .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
        // Bolt's two Netty event loop groups each wait a 5 s quiet period on shutdown: 10 s of the 11 s a stop took
        // (measured). Connections are closed by then (the platform closes its driver first), so do not wait.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
  }

  /**
   * Gives user `neo4j` this password (no change required), whatever it had: a new store (Neo4j's default `neo4j`),
   * a store made without auth, or an earlier password file. It runs with Bolt off, so that nobody can log in with the
   * default password in the moment between Bolt opening and the password being set; `applied` then records a hash of
   * the password, and later starts with the same password skip this (one start instead of two).
   */
  private static void applyPasswordOffline(Path home, String password, Path applied) throws IOException {
    long t0 = System.nanoTime();
    DatabaseManagementService offline = configure(home, "127.0.0.1", 0, true).setConfig(BoltConnector.enabled, false).build();
    try {
      GraphDatabaseService system = offline.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
      if (!system.isAvailable(Duration.ofMinutes(2).toMillis())) {
        System.err.println("Launcher: system database did not become available within 2 minutes");
        System.exit(1);
      }
      try {
        system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      } catch (RuntimeException e) {
        // Neo4j refuses to "change" a password to the one it already has: that is the state we want.
        if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
      }
    } finally {
      offline.shutdown();
    }
    Files.createDirectories(applied.getParent());
    Files.writeString(applied, sha256(password) + "\n", StandardCharsets.UTF_8);
    System.err.println("Launcher: password of user neo4j set from NEO4J_PASSWORD_FILE (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
  }

  private static boolean isApplied(Path applied, String password) throws IOException {
    return Files.exists(applied) && Files.readString(applied, StandardCharsets.UTF_8).trim().equals(sha256(password));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A daemon thread that exits (running the shutdown hook) once stdin reaches end of file. */
  private static void exitWhenStdinCloses() {
    Thread watchdog = new Thread(() -> {
      byte[] buffer = new byte[256];
      try (InputStream in = System.in) {
        while (in.read(buffer) >= 0) {
          // the parent never writes; we only wait for end of file
        }
      } catch (IOException ignored) {
        // a broken pipe means the same as end of file
      }
      System.err.println("Launcher: parent process gone (stdin closed); shutting down");
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static int parsePort(String raw) {
    try {
      int port = Integer.parseInt(raw);
      if (port >= 1 && port <= 65535) return port;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    System.err.println("Launcher: PORT: expected an integer 1..65535, got '" + raw + "'");
    System.exit(2);
    return -1;
  }
}

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Dev/CI Neo4j Community 5.26, embedded, speaking Bolt.
 *
 * Usage: java [add-opens flags] -cp out:$(cat cp.txt) Launcher HOME PORT [HOST]
 * HOME keeps the store (HOME/data/databases/neo4j), so the same HOME means the same data.
 * Auth is off only when HOST is a loopback address; otherwise the launcher refuses to start,
 * because a non-loopback Bolt port without auth would expose every record to the network.
 * Prints "NEO4J_READY bolt://HOST:PORT" on stdout once Bolt accepts connections; stops cleanly on SIGTERM/SIGINT.
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
      System.err.println("Launcher: expected a loopback HOST (auth is off), got " + host);
      System.exit(2);
    }

    long t0 = System.nanoTime();
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
        .build();

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
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("NEO4J_READY bolt://" + host + ":" + port + " home=" + home + " startup_ms=" + ms);
    System.out.flush();
    stopped.await();
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

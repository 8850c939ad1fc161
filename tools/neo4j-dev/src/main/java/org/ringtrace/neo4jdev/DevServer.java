package org.ringtrace.neo4jdev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A throwaway Neo4j Community server for ringtrace development and CI.
 *
 * <p>Starts an embedded DBMS with only a Bolt connector on 127.0.0.1 (authentication disabled:
 * it is reachable from this machine only), in a fresh temporary directory unless
 * {@code --data-dir} is given. Once the default database is available it writes its Bolt URI to
 * {@code --uri-file} (atomically, so a reader never sees half a URI), prints it, and runs until
 * the process is terminated; a shutdown hook stops the DBMS and deletes a temporary directory.
 *
 * <pre>
 * java -jar target/neo4j-dev.jar [--port N] [--uri-file PATH] [--data-dir DIR]
 *                                [--conf neo4j.conf] [--pagecache-mb N]
 * </pre>
 *
 * <p>{@code --port 0} (the default) picks a free port. {@code --conf} loads extra Neo4j settings
 * from a properties file (for example to allow plugin procedures).
 */
public final class DevServer {

    private static final String HOST = "127.0.0.1";

    private DevServer() {
    }

    /** Parsed command line. */
    private record Options(int port, Path uriFile, Path dataDir, Path conf, long pagecacheMb) {

        static Options parse(String[] args) {
            int port = 0;
            Path uriFile = null;
            Path dataDir = null;
            Path conf = null;
            long pagecacheMb = 512;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--uri-file" -> uriFile = Path.of(value);
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--conf" -> conf = Path.of(value);
                    case "--pagecache-mb" -> pagecacheMb = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535, got " + port);
            }
            return new Options(port, uriFile, dataDir, conf, pagecacheMb);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-dev: " + e.getMessage());
            System.err.println("usage: java -jar neo4j-dev.jar [--port N] [--uri-file PATH] "
                    + "[--data-dir DIR] [--conf FILE] [--pagecache-mb N]");
            System.exit(2);
            return;
        }
        boolean throwaway = options.dataDir() == null;
        Path home = throwaway
                ? Files.createTempDirectory("ringtrace-neo4j-")
                : Files.createDirectories(options.dataDir());
        int port = options.port() == 0 ? freePort() : options.port();

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        options.pagecacheMb() * 1024L * 1024L)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false");
        if (options.conf() != null) {
            builder.loadPropertiesFromFile(options.conf());
        }
        DatabaseManagementService dbms = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                if (throwaway) {
                    deleteTree(home);
                }
                if (options.uriFile() != null) {
                    try {
                        Files.deleteIfExists(options.uriFile());
                    } catch (IOException e) {
                        System.err.println("neo4j-dev: cannot remove " + options.uriFile());
                    }
                }
                stopped.countDown();
            }
        }, "neo4j-dev-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            System.err.println("neo4j-dev: default database did not become available in 120 s");
            System.exit(1);
        }
        String uri = "bolt://" + HOST + ":" + port;
        if (options.uriFile() != null) {
            writeAtomically(options.uriFile(), uri + "\n");
        }
        System.out.println(uri);
        System.out.println("neo4j-dev: Neo4j up at " + uri + " (auth disabled), home " + home
                + (throwaway ? " (deleted on exit)" : ""));
        System.out.flush();
        stopped.await();
    }

    /** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".neo4j-uri-", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("neo4j-dev: could not delete " + root + ": " + e.getMessage());
        }
    }
}

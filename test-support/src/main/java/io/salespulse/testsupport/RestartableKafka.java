package io.salespulse.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A broker of a test's own, for outage tests: a real single-node KRaft broker that can be stopped and started again
 * on the same port with the same data, as a broker restart looks to clients. The shared broker is never stopped.
 */
public final class RestartableKafka implements AutoCloseable {

    private final Properties props;
    private KafkaRaftServer server;

    private RestartableKafka(Properties props) {
        this.props = props;
    }

    public static RestartableKafka create() {
        try {
            Path dir = Files.createTempDirectory("restartable-kafka");
            int[] ports = freePorts(2);
            int port = ports[0];
            int controller = ports[1];
            Properties props = new Properties();
            props.setProperty("process.roles", "broker,controller");
            props.setProperty("node.id", "1");
            props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controller);
            props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
            props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.setProperty("controller.listener.names", "CONTROLLER");
            props.setProperty("inter.broker.listener.name", "PLAINTEXT");
            props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.setProperty("log.dirs", dir.resolve("data").toString());
            props.setProperty("offsets.topic.replication.factor", "1");
            props.setProperty("transaction.state.log.replication.factor", "1");
            props.setProperty("transaction.state.log.min.isr", "1");
            props.setProperty("share.coordinator.state.topic.replication.factor", "1");
            props.setProperty("group.initial.rebalance.delay.ms", "0");
            Path config = dir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, null);
            }
            int exit = StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                    new PrintStream(PrintStream.nullOutputStream()));
            if (exit != 0) {
                throw new IllegalStateException("Formatting the test broker's storage failed: " + exit);
            }
            return new RestartableKafka(props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized RestartableKafka start() {
        if (server == null) {
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public String bootstrapServers() {
        return props.getProperty("advertised.listeners").substring("PLAINTEXT://".length());
    }

    @Override
    public void close() {
        stop();
    }

    /** Distinct free ports: each socket stays open until all are chosen, so the two can never be the same. */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}

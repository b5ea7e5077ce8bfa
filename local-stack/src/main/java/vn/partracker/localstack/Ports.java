package vn.partracker.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks up front that every port the stack needs is free on 127.0.0.1, so that a clash is reported by name. */
public final class Ports {

    private Ports() {}

    /**
     * Tries to bind each port on the loopback interface.
     *
     * @param ports label (e.g. {@code Kafka (KAFKA_PORT)}) to port
     * @throws LaunchException listing every port that is taken
     */
    public static void requireFree(Map<String, Integer> ports) {
        List<String> busy = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            if (!isFree(entry.getValue())) {
                busy.add(entry.getKey() + ": " + entry.getValue());
            }
        }
        if (!busy.isEmpty()) {
            throw new LaunchException("These ports are already in use on 127.0.0.1: " + String.join(", ", busy)
                    + ". Stop whatever uses them or choose other ports with the environment variables named.");
        }
    }

    /** Returns whether the port can be bound on 127.0.0.1. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

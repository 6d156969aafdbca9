package vn.childprotection.cluster;

import java.io.IOException;
import java.net.ServerSocket;

/** Free ports, and the output of the helper processes the suite runs. */
final class Ports {

    private Ports() {
    }

    /** A helper process's output, through this JVM's own stdout (the test report keeps it; nothing bypasses it). */
    static void echo(Process process) throws IOException {
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!output.isBlank()) {
            System.out.print(output.endsWith("\n") ? output : output + "\n");
        }
    }

    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package vn.childprotection.cluster;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx (Debian's package) in front of two nodes as a load balancer would be: node A serves while it lives, node B
 * is the backup that takes over when A does not answer. Runs in the foreground from a directory of its own.
 */
final class Nginx {

    private static final List<Process> RUNNING = new ArrayList<>();

    private final int port;

    private Nginx(int port) {
        this.port = port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static Nginx start(Path runDirectory, Node primary, Node backup) throws Exception {
        String binary = System.getProperty("cluster.nginx", "/usr/sbin/nginx");
        if (!new File(binary).canExecute()) {
            throw new IllegalStateException("nginx is needed for the load-balancer scenario (apt-get install nginx): "
                    + binary);
        }
        Path dir = runDirectory.resolve("nginx").toAbsolutePath();
        Path temp = dir.resolve("temp");
        Files.createDirectories(temp);
        // workers run as an unprivileged user when started by root: they write their temporary files here
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = Ports.free();
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    upstream app {
                        server 127.0.0.1:%3$d max_fails=1 fail_timeout=30s;
                        server 127.0.0.1:%4$d backup;
                    }
                    server {
                        listen 127.0.0.1:%5$d;
                        location / {
                            proxy_pass http://app;
                            proxy_next_upstream error timeout http_502 http_503;
                            proxy_connect_timeout 2s;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted(dir, temp, primary.port, backup.port, port));
        Process process = new ProcessBuilder(binary, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        RUNNING.add(process);
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx ended: see " + dir.resolve("nginx.out") + " and error.log");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Nginx(port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx does not listen on " + port);
    }

    static void stopAll() throws InterruptedException {
        for (Process process : RUNNING) {
            process.destroy();
            process.waitFor();
        }
        RUNNING.clear();
    }
}

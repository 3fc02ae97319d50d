package org.bioimagecatalog.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How the pipeline bench finds the engines and counts their CPU: by the port they listen on, and their process tree. */
class ProcessCpuTest {

    @Test
    void findsTheProcessListeningOnAPort() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(ProcessHandle.current().pid(), ProcessCpu.listeningOn(socket.getLocalPort()));
        }
    }

    @Test
    void aPortNobodyListensOnHasNoProcess() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertEquals(-1, ProcessCpu.listeningOn(port));
    }

    @Test
    void aProcessTreeCountsItsChildren() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        long self = ProcessHandle.current().pid();
        long before = ProcessCpu.treeMs(self);
        // a child that burns CPU and ends: its time is reaped into this process's cutime
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start();
        assertEquals(0, child.waitFor());
        long after = ProcessCpu.treeMs(self);
        assertTrue(after - before >= 100, "the child's CPU is counted: " + (after - before) + " ms");
    }

    @Test
    void portsOfAddressesAndUrls() {
        assertEquals(15432, PipelineBench.port("jdbc:postgresql://127.0.0.1:15432/bic_pipebench", 1));
        assertEquals(19092, PipelineBench.port("127.0.0.1:19092", 1));
        assertEquals(19200, PipelineBench.port("http://127.0.0.1:19200", 1));
        assertEquals(9200, PipelineBench.port("http://localhost:9200/", 1));
        assertEquals(7, PipelineBench.port("http://localhost/", 7));
    }
}

package org.bioimagecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** CPU time of a process from {@code /proc} (Linux): in all, and of its JIT compiler and garbage collector threads. */
final class ProcessCpu {
    private ProcessCpu() {}

    /** CPU time (user + system) of a process or thread so far, in ms; 0 when unknown. */
    static long ms(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms (USER_HZ 100)
        } catch (Exception e) {
            return 0;
        }
    }

    static long ms(long pid) {
        return ms(Path.of("/proc/" + pid + "/stat"));
    }

    /**
     * CPU time of a process and all its children so far, in ms: its own, its ended children's (reaped into its
     * {@code cutime}/{@code cstime}) and its live children's. What PostgreSQL spends is in its backends, a process
     * per connection that ends with the connection; 0 when unknown.
     */
    static long treeMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            long total = ticks * 10;
            for (long child : children(pid)) {
                total += ms(child);
            }
            return total;
        } catch (Exception e) {
            return 0;
        }
    }

    private static List<Long> children(long pid) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(p -> parent(p) == pid).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * The process listening on a local TCP port (Linux, from {@code /proc/net/tcp*} and the processes' socket
     * descriptors), -1 when none is found or its descriptors cannot be read. How the bench finds the engines
     * (PostgreSQL's postmaster, the Kafka broker, the Elasticsearch node) of whichever stack it was pointed at.
     */
    static long listeningOn(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st … inode; st 0A = LISTEN
                    if (f.length > 9 && f[1].contains(":") && f[3].equals("0A")
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (Exception ignored) {
                // no IPv6 table, or not Linux
            }
        }
        if (inodes.isEmpty()) {
            return -1;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    if (fds.anyMatch(fd -> {
                        try {
                            return inodes.contains(Files.readSymbolicLink(fd).toString());
                        } catch (Exception e) {
                            return false;
                        }
                    })) {
                        return Long.parseLong(proc.getFileName().toString());
                    }
                } catch (Exception ignored) {
                    // a process that ended, or whose descriptors are not ours to read
                }
            }
        } catch (Exception ignored) {
            // no /proc
        }
        return -1;
    }

    /**
     * {process, of which JIT compiler threads, of which GC threads} CPU so far, in ms. JIT and GC are part of the
     * process's figure; shown apart because on a short run they are warm-up, not cost per record or request.
     */
    static long[] withJitAndGc(long pid) {
        long jit = 0;
        long gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += ms(t.resolve("stat"));
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
                        gc += ms(t.resolve("stat"));
                    }
                } catch (Exception ignored) {
                    // a thread that ended meanwhile
                }
            }
        } catch (Exception ignored) {
            // the process ended: its own figure below is 0 too
        }
        return new long[] {ms(pid), jit, gc};
    }

    /** Resident memory (VmRSS) of a process in MB, -1 when unknown. */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception ignored) {
            // the process ended
        }
        return -1;
    }
}

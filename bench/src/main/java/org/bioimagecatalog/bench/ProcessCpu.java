package org.bioimagecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
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

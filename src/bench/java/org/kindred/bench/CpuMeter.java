package org.kindred.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent by the API server's JVM, by PostgreSQL and by the load generator, read from Linux's /proc, so a
 * scenario reports what one request costs in CPU rather than only how many fit in a second. PostgreSQL's time is every
 * process named {@code postgres} that is alive, plus what the postmaster has collected from backends that already
 * ended (its {@code cutime}/{@code cstime}: pgbench's connections end before the second reading). The load generator's
 * time is what this JVM has collected from the children it waited for: pgbench, or Maven with the Gatling JVM it forks
 * and waits for (so a Gatling run's figure includes Maven's start, a few CPU seconds). Elsewhere than Linux every
 * reading is NaN and the report shows dashes.
 */
final class CpuMeter {

    /** CPU seconds of the server, of PostgreSQL, of the load generator and of the whole machine at one moment. */
    record Reading(double server, double postgres, double load, double machine) {

        Reading minus(Reading earlier) {
            return new Reading(server - earlier.server, postgres - earlier.postgres, load - earlier.load,
                    machine - earlier.machine);
        }
    }

    /** Clock ticks per second of /proc's CPU times; 100 on every Linux kernel we run on ({@code getconf CLK_TCK}). */
    private static final double TICKS = 100.0;
    private static final Path PROC = Path.of("/proc");

    private CpuMeter() {
    }

    static Reading read(ProcessHandle server) {
        if (!Files.isDirectory(PROC)) {
            return new Reading(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double serverSeconds = server == null ? Double.NaN : ownTicks(server.pid()) / TICKS;
        long[] self = stat(ProcessHandle.current().pid());
        double loadSeconds = self == null ? Double.NaN : (self[2] + self[3]) / TICKS;
        return new Reading(serverSeconds, postgresTicks() / TICKS, loadSeconds, machineTicks() / TICKS);
    }

    /**
     * The server's peak resident memory so far ({@code VmHWM} of /proc/[pid]/status) in MiB; NaN when unknown. The
     * high-water mark covers the whole life of the process, so read after the load it is the peak under that load.
     */
    static double peakResidentMib(ProcessHandle server) {
        try {
            return Files.readAllLines(PROC.resolve(Long.toString(server.pid())).resolve("status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of the server and its threads. */
    private static long ownTicks(long pid) {
        long[] fields = stat(pid);
        return fields == null ? 0 : fields[0] + fields[1];
    }

    private static long postgresTicks() {
        Map<Long, long[]> postgres = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                String line = statLine(pid);
                if (line == null || !"postgres".equals(command(line))) {
                    continue;
                }
                long[] fields = fields(line);
                postgres.put(pid, fields);
                parents.put(pid, fields[4]);
            }
        } catch (IOException e) {
            return 0;
        }
        long ticks = 0;
        for (Map.Entry<Long, long[]> process : postgres.entrySet()) {
            long[] f = process.getValue();
            ticks += f[0] + f[1];
            if (!postgres.containsKey(parents.get(process.getKey()))) { // the postmaster: its ended children too
                ticks += f[2] + f[3];
            }
        }
        return ticks;
    }

    /** Every CPU's user, nice, system, irq and softirq time (the first line of /proc/stat), idle and iowait left out. */
    private static long machineTicks() {
        try {
            String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long[] stat(long pid) {
        String line = statLine(pid);
        return line == null ? null : fields(line);
    }

    private static String statLine(long pid) {
        try {
            return Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
        } catch (IOException e) {
            return null; // ended between the listing and the reading
        }
    }

    private static String command(String statLine) {
        return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
    }

    /** utime, stime, cutime, cstime and the parent's pid of a /proc/[pid]/stat line (fields 14-17 and 4). */
    private static long[] fields(String statLine) {
        String[] after = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        // after[0] is field 3 (state), so field n is after[n - 3]
        return new long[]{Long.parseLong(after[11]), Long.parseLong(after[12]), Long.parseLong(after[13]),
                Long.parseLong(after[14]), Long.parseLong(after[1])};
    }
}

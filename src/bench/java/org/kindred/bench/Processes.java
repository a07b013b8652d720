package org.kindred.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of a run (the server, Maven and Gatling, pgbench), pinned to CPUs with taskset when asked and
 * possible, with their output in a log file. Whatever is still running when the benchmark stops is stopped with it.
 */
final class Processes {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final boolean TASKSET = onPath("taskset");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Processes::stop)));
    }

    private Processes() {
    }

    /** Whether the machine can pin: taskset exists and there are at least two CPUs to split. */
    static boolean canPin() {
        return TASKSET && Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** The command, prefixed with {@code taskset -c cpus} when pinning is possible and cpus is not blank. */
    static List<String> pinned(String cpus, List<String> command) {
        if (cpus == null || cpus.isBlank() || !canPin()) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus));
        pinned.addAll(command);
        return pinned;
    }

    static Process start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        return process;
    }

    /** Runs to the end (or the timeout) and returns the exit code; the output goes to the log. */
    static int run(List<String> command, Map<String, String> environment, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = start(command, environment, log);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            stop(process);
            throw new IllegalStateException(
                    "Timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + " (log: " + log + ")");
        }
        return process.exitValue();
    }

    /** SIGTERM, then SIGKILL after a minute; children (Maven's Gatling fork) first. */
    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}

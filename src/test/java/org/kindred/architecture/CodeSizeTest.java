package org.kindred.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Size limits that keep each rule readable in one place: no service class over 300 lines, no method over 60 lines in
 * {@code src/main}. It reads the sources as the build's formatter leaves them (members of a top-level type indented by
 * four spaces, a member's closing brace alone on a line at that indentation), so it needs no Java parser.
 */
class CodeSizeTest {

    static final int MAX_SERVICE_LINES = 300;
    static final int MAX_METHOD_LINES = 60;

    private static final Path MAIN = Path.of("src/main/java");
    /** A member's first line that opens a method or constructor (not a nested type, not a field). */
    private static final Pattern MEMBER_START = Pattern.compile("^    [^ /*@}].*\\(.*");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(class|record|enum|interface)\\b");

    @Test
    void noServiceClassIsOverThreeHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : sources()) {
            if (file.getFileName().toString().endsWith("Service.java")) {
                long lines = Files.readAllLines(file).size();
                if (lines > MAX_SERVICE_LINES) {
                    tooLong.add(MAIN.relativize(file) + ": " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), tooLong, "split these services by what they do in the domain");
    }

    @Test
    void noMethodIsOverSixtyLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : sources()) {
            tooLong.addAll(longMethods(file, Files.readAllLines(file)));
        }
        assertEquals(List.of(), tooLong, "extract the steps of these methods into named methods");
    }

    @Test
    void theMethodCounterFindsALongMethod() {
        List<String> lines = new ArrayList<>(List.of("class A {", "    void longOne(int a) {"));
        for (int i = 0; i < MAX_METHOD_LINES; i++) {
            lines.add("        a++;");
        }
        lines.add("    }");
        lines.add("    record R(int a) {");
        lines.add("    }");
        lines.add("}");
        assertEquals(1, longMethods(Path.of("A.java"), lines).size());
        assertEquals(0, longMethods(Path.of("A.java"), lines.subList(0, 10)).size());
    }

    static List<String> longMethods(Path file, List<String> lines) {
        List<String> found = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (start < 0) {
                if (MEMBER_START.matcher(line).matches() && !line.stripTrailing().endsWith(";")
                        && !TYPE_DECLARATION.matcher(line.substring(0, line.indexOf('('))).find()) {
                    start = i;
                }
            } else if (line.equals("    }")) {
                if (i - start + 1 > MAX_METHOD_LINES) {
                    found.add(file + ":" + (start + 1) + " " + (i - start + 1) + " lines: " + lines.get(start).strip());
                }
                start = -1;
            } else if (line.startsWith("    ") && !line.startsWith("     ") && line.stripTrailing().endsWith(";")) {
                start = -1; // the signature belonged to an abstract method or a field
            }
        }
        return found;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}

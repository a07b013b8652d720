package org.kindred.journal.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Text on A4 pages with PDFBox's standard 14 fonts: wrapped paragraphs, new pages as needed, a footer on every page.
 * The standard fonts encode WinAnsi only (Latin scripts); any other character (Arabic, Cyrillic, CJK, emoji) is
 * written as '?' and counted, never a crash. The JSON export keeps every character.
 */
final class PdfPages implements AutoCloseable {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    static final float MARGIN = 50;
    static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
    static final float BOTTOM = MARGIN + 20;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private static final Map<Integer, Boolean> ENCODABLE = new java.util.concurrent.ConcurrentHashMap<>();

    final PDDocument document = new PDDocument();
    private PDPageContentStream stream;
    private float y;

    /** Starts a new page. */
    void newPage() {
        try {
            closeStream();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vertical space, in points. */
    void space(float points) {
        y -= points;
    }

    /** A wrapped paragraph (line breaks kept) at an indent. */
    void paragraph(PDType1Font font, float size, float indent, String text) {
        for (String line : wrap(font, size, WIDTH - indent, text)) {
            line(font, size, indent, line);
        }
    }

    /** A bold label followed by a wrapped value on the lines below it, indented. */
    void field(String label, String value) {
        keepTogether(26);
        line(BOLD, 9, 0, label);
        paragraph(REGULAR, 10, 12, value);
        space(3);
    }

    /** Starts a new page unless this much room is left. */
    void keepTogether(float points) {
        if (y - points < BOTTOM) {
            newPage();
        }
    }

    /** One line of text, already short enough. */
    void line(PDType1Font font, float size, float indent, String text) {
        float height = size * 1.35f;
        if (y - height < BOTTOM) {
            newPage();
        }
        y -= height;
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + indent, y);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An image below the current line at an indent, scaled down (never up) to the width left and to one page's
     * height, on a new page when it does not fit below.
     */
    void image(PDImageXObject image, float indent) {
        float maxWidth = WIDTH - indent;
        float maxHeight = TOP - BOTTOM;
        float scale = Math.min(1, Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight()));
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        keepTogether(height + 4);
        y -= height + 4;
        try {
            stream.drawImage(image, MARGIN + indent, y, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns on one line, each clipped to its width; x positions relative to the margin. */
    void row(PDType1Font font, float size, float[] x, String[] cells) {
        float height = size * 1.35f;
        if (y - height < BOTTOM) {
            newPage();
        }
        y -= height;
        try {
            for (int i = 0; i < cells.length; i++) {
                float width = (i + 1 < x.length ? x[i + 1] : WIDTH) - x[i] - 6;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + x[i], y);
                stream.showText(clip(font, size, width, encodable(cells[i])));
                stream.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes "page n of m" and a fixed text at the foot of every page. */
    void footers(String text) {
        try {
            closeStream();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    foot.beginText();
                    foot.setFont(REGULAR, 7.5f);
                    foot.newLineAtOffset(MARGIN, MARGIN - 10);
                    foot.showText(clip(REGULAR, 7.5f, WIDTH - 70, encodable(text)));
                    foot.endText();
                    String page = "Page " + (i + 1) + " of " + count;
                    foot.beginText();
                    foot.setFont(REGULAR, 7.5f);
                    foot.newLineAtOffset(MARGIN + WIDTH - REGULAR.getStringWidth(page) / 1000 * 7.5f,
                            MARGIN - 10);
                    foot.showText(page);
                    foot.endText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() {
        try {
            closeStream();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as the fonts can write it: tabs as spaces, other controls dropped, unencodable characters as '?'. */
    static String encodable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp)) {
                // line breaks are split off before; nothing else is printable
            } else if (canEncode(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** How many characters of the text the fonts cannot write (shown as '?'). */
    static long unencodable(String text) {
        return text == null
                ? 0
                : text.codePoints().filter(cp -> !Character.isISOControl(cp) && !canEncode(cp)).count();
    }

    private static boolean canEncode(int cp) {
        return ENCODABLE.computeIfAbsent(cp, c -> {
            try {
                REGULAR.encode(new String(Character.toChars(c)));
                MONO.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    static List<String> wrap(PDType1Font font, float size, float width, String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r\n|\r|\n", -1)) {
            String clean = encodable(paragraph);
            StringBuilder line = new StringBuilder();
            for (String word : clean.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(font, size, word) > width) {
                    int cut = fitting(font, size, width, word);
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String clip(PDType1Font font, float size, float width, String text) {
        if (width(font, size, text) <= width) {
            return text;
        }
        String ellipsis = "...";
        int cut = fitting(font, size, width - width(font, size, ellipsis), text);
        return text.substring(0, cut) + ellipsis;
    }

    /** How many leading chars of the word fit (at least one, so wrapping always advances). */
    private static int fitting(PDType1Font font, float size, float width, String word) {
        int cut = 1;
        while (cut < word.length() && width(font, size, word.substring(0, cut + 1)) <= width) {
            cut++;
        }
        if (Character.isHighSurrogate(word.charAt(cut - 1)) && cut < word.length()) {
            cut++;
        }
        return cut;
    }

    static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }
}

package org.kindred.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * What an uploaded file is, judged by its bytes alone (never by its name or the Content-Type sent), and its bytes made
 * safe to keep: images lose every piece of metadata that can say where, when or with what they were taken (EXIF with
 * GPS and camera data, XMP, IPTC, comments, text chunks), and the pixels stay as they were.
 */
final class AttachmentContent {

    /** The kinds of file a journal keeps. */
    enum Kind {
        JPEG("image/jpeg", "jpg", true), PNG("image/png", "png", true), WEBP("image/webp", "webp",
                true), PDF("application/pdf", "pdf", false), TEXT("text/plain", "txt", false);

        final String mediaType;
        final String extension;
        /** Metadata of this kind is stripped before storing. */
        final boolean stripped;

        Kind(String mediaType, String extension, boolean stripped) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.stripped = stripped;
        }

        static Optional<Kind> ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(k -> k.mediaType.equals(mediaType)).findFirst();
        }
    }

    /** A file as it will be stored. */
    record Prepared(Kind kind, byte[] bytes) {
    }

    /** The bytes are not one of the kinds kept, or claim to be one and do not parse as it. */
    static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG chunks that carry text, EXIF or a modification time. */
    private static final Set<String> PNG_METADATA = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
    /** WebP chunks that carry EXIF or XMP. */
    private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");

    private AttachmentContent() {
    }

    /** Detects the kind from the bytes and strips the metadata of images. */
    static Prepared prepare(byte[] bytes) throws Unsupported {
        Kind kind = detect(bytes).orElseThrow(Unsupported::new);
        byte[] kept = switch (kind) {
            case JPEG -> stripJpeg(bytes);
            case PNG -> stripPng(bytes);
            case WEBP -> stripWebp(bytes);
            case PDF, TEXT -> bytes;
        };
        return new Prepared(kind, kept);
    }

    static Optional<Kind> detect(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(Kind.JPEG);
        }
        if (b.length >= PNG_SIGNATURE.length && Arrays.equals(b, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0,
                PNG_SIGNATURE.length)) {
            return Optional.of(Kind.PNG);
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return Optional.of(Kind.WEBP);
        }
        if (b.length >= 5 && ascii(b, 0, 5).equals("%PDF-")) {
            return Optional.of(Kind.PDF);
        }
        return isPlainText(b) ? Optional.of(Kind.TEXT) : Optional.empty();
    }

    /** Well-formed UTF-8 without control characters other than tab, line feed, form feed and carriage return. */
    static boolean isPlainText(byte[] b) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r')
                || c == 0x7f);
    }

    /**
     * EXIF and XMP go through Commons Imaging's rewriters (which also prove the segments parse); then one pass keeps
     * only the segments an image needs: JFIF, the ICC colour profile and Adobe's colour transform of the application
     * segments, no comments, and nothing after the end of the image (where phones append more pictures with EXIF).
     */
    static byte[] stripJpeg(byte[] jpeg) throws Unsupported {
        try {
            ByteArrayOutputStream noExif = new ByteArrayOutputStream(jpeg.length);
            new ExifRewriter().removeExifMetadata(jpeg, noExif);
            ByteArrayOutputStream noXmp = new ByteArrayOutputStream(jpeg.length);
            new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
            return keepImageSegments(noXmp.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw new Unsupported();
        }
    }

    private static byte[] keepImageSegments(byte[] b) throws Unsupported {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xff);
        out.write(0xd8);
        int pos = 2;
        int n = b.length;
        while (pos < n) {
            if ((b[pos] & 0xff) != 0xff) {
                throw new Unsupported();
            }
            while (pos < n && (b[pos] & 0xff) == 0xff) {
                pos++;
            }
            if (pos >= n) {
                throw new Unsupported();
            }
            int marker = b[pos++] & 0xff;
            if (marker == 0xd9) { // end of image: whatever follows is not part of it
                out.write(0xff);
                out.write(marker);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                out.write(0xff);
                out.write(marker);
                continue;
            }
            if (pos + 2 > n) {
                throw new Unsupported();
            }
            int length = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            if (length < 2 || pos + length > n) {
                throw new Unsupported();
            }
            if (keepSegment(marker, b, pos + 2, length - 2)) {
                out.write(0xff);
                out.write(marker);
                out.write(b, pos, length);
            }
            pos += length;
            if (marker == 0xda) { // start of scan: entropy-coded data up to the next real marker
                int end = pos;
                while (end + 1 < n && !isMarker(b[end], b[end + 1])) {
                    end++;
                }
                if (end + 1 >= n) {
                    end = n;
                }
                out.write(b, pos, end - pos);
                pos = end;
            }
        }
        return out.toByteArray(); // a truncated image (no end marker) is kept as far as it goes
    }

    /** In entropy-coded data 0xFF is followed by a stuffed zero or a restart marker; anything else ends the scan. */
    private static boolean isMarker(byte first, byte second) {
        int next = second & 0xff;
        return (first & 0xff) == 0xff && next != 0x00 && !(next >= 0xd0 && next <= 0xd7);
    }

    private static boolean keepSegment(int marker, byte[] b, int data, int length) {
        if (marker == 0xfe) {
            return false; // comment
        }
        if (marker < 0xe0 || marker > 0xef) {
            return true; // tables, frame, scan, restart interval: the image itself
        }
        String head = ascii(b, data, Math.min(length, 12));
        return (marker == 0xe0 && (head.startsWith("JFIF\0") || head.startsWith("JFXX\0")))
                || (marker == 0xe2 && head.startsWith("ICC_PROFILE\0"))
                || (marker == 0xee && head.startsWith("Adobe"));
    }

    /** Drops text, EXIF and time chunks; every other chunk, critical or not, stays byte for byte. */
    static byte[] stripPng(byte[] b) throws Unsupported {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, PNG_SIGNATURE.length);
        int pos = PNG_SIGNATURE.length;
        while (pos + 12 <= b.length) {
            long length = ((long) (b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8)
                    | (b[pos + 3] & 0xff);
            if (length > b.length - pos - 12) {
                throw new Unsupported();
            }
            String type = ascii(b, pos + 4, 4);
            int chunk = 12 + (int) length;
            if (!PNG_METADATA.contains(type)) {
                out.write(b, pos, chunk);
            }
            pos += chunk;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw new Unsupported(); // no IEND: not a whole PNG
    }

    /** Drops the EXIF and XMP chunks and clears their flags in the extended header. */
    static byte[] stripWebp(byte[] b) throws Unsupported {
        long riffSize = le32(b, 4);
        if (riffSize + 8 > b.length || riffSize < 4) {
            throw new Unsupported();
        }
        int end = (int) riffSize + 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        int pos = 12;
        while (pos + 8 <= end) {
            String type = ascii(b, pos, 4);
            long size = le32(b, pos + 4);
            long padded = size + (size & 1);
            if (padded > end - pos - 8) {
                throw new Unsupported();
            }
            int chunk = 8 + (int) padded;
            if (!WEBP_METADATA.contains(type)) {
                int at = out.size();
                out.write(b, pos, chunk);
                if (type.equals("VP8X") && size >= 1) {
                    byte[] sofar = out.toByteArray();
                    sofar[at + 8] = (byte) (sofar[at + 8] & ~0x0c); // no EXIF (0x08), no XMP (0x04)
                    out.reset();
                    out.write(sofar, 0, sofar.length);
                }
            }
            pos += chunk;
        }
        if (pos != end) {
            throw new Unsupported();
        }
        byte[] kept = out.toByteArray();
        int size = kept.length - 8;
        kept[4] = (byte) size;
        kept[5] = (byte) (size >>> 8);
        kept[6] = (byte) (size >>> 16);
        kept[7] = (byte) (size >>> 24);
        return kept;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | ((b[at + 1] & 0xffL) << 8) | ((b[at + 2] & 0xffL) << 16) | ((b[at + 3] & 0xffL) << 24);
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, Math.max(0, Math.min(length, b.length - from)), StandardCharsets.ISO_8859_1);
    }
}

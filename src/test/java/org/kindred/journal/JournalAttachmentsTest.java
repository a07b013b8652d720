package org.kindred.journal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.journal.Journals.ENTRIES;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Attachments of journal entries through the HTTP API: type by content, metadata stripping, limits, privacy. */
@QuarkusTest
class JournalAttachmentsTest {

    static final int MIB = 1024 * 1024;

    @Test
    void aPhotoLosesItsGpsAndCameraDataAndStillDecodes() throws Exception {
        TestAccount member = Api.register("jratt");
        String entry = Journals.createId(member, "The landlord shouted at me in the hallway");
        byte[] original = photoWithGps();
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(original);
        assertNotNull(before.getExif().getGpsInfo(), "the test photo carries a GPS position");
        assertTrue(contains(original, "Canon"), "the test photo names its camera");

        Response created = upload(member, entry, original, "image/jpeg", "hallway.jpg").then().statusCode(201)
                .header("Location", containsString("/api/v1/me/journal/entries/" + entry + "/attachments/"))
                .body("mediaType", equalTo("image/jpeg")).body("filename", equalTo("hallway.jpg"))
                .body("metadataStripped", equalTo(true)).body("entryId", equalTo(entry)).extract().response();
        String id = created.path("id");

        byte[] stored = Api.as(member).get(attachments(entry) + "/" + id + "/content").then().statusCode(200)
                .contentType("image/jpeg")
                .header("Content-Disposition", startsWith("attachment; filename=\"hallway.jpg\""))
                .header("Cache-Control", "no-store").extract().asByteArray();
        assertEquals(JournalChain.hex(JournalChain.sha256(stored)), created.path("sha256"));
        assertEquals(stored.length, ((Number) created.path("size")).intValue());
        var metadata = Imaging.getMetadata(stored);
        assertTrue(metadata == null || ((JpegImageMetadata) metadata).getExif() == null, "no EXIF left");
        assertNull(Imaging.getXmpXml(stored), "no XMP left");
        for (String marker : List.of("Canon", "EOS 5D", "Exif", "kindred-secret-xmp", "kindred-secret-comment")) {
            assertFalse(contains(stored, marker), marker + " is gone");
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertNotNull(decoded, "still an image");
        assertEquals(64, decoded.getWidth());
        assertEquals(48, decoded.getHeight());

        Api.as(member).get(attachments(entry) + "/" + id).then().statusCode(200)
                .body("sha256", equalTo(created.path("sha256"))).body("size", equalTo(created.path("size")));
        Api.as(member).get(attachments(entry)).then().statusCode(200).body("items.id", equalTo(List.of(id)))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void aPngLosesItsTextChunksAndIsKeptAsPngWhateverTheDeclaredType() throws Exception {
        TestAccount member = Api.register("jrpng");
        String entry = Journals.createId(member, "A screenshot of the message");
        byte[] png = pngWithText("kindred-secret-png-text");
        assertTrue(contains(png, "kindred-secret-png-text"));

        Response created = upload(member, entry, png, "text/plain", "screenshot.txt").then().statusCode(201)
                .body("mediaType", equalTo("image/png")).body("metadataStripped", equalTo(true)).extract()
                .response();
        byte[] stored = Api.as(member).get(attachments(entry) + "/" + created.path("id") + "/content").then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertFalse(contains(stored, "kindred-secret-png-text"));
        assertFalse(contains(stored, "tEXt"));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(stored)));
        assertEquals(JournalChain.hex(JournalChain.sha256(stored)), created.path("sha256"));
    }

    @Test
    void textAndPdfAreKeptExactlyAsSent() {
        TestAccount member = Api.register("jrtxt");
        String entry = Journals.createId(member, "Notes written the same evening");
        byte[] text = "Wrote this down at 21:00. Ünïcode stays.\n".getBytes(StandardCharsets.UTF_8);
        Response created = upload(member, entry, text, "application/octet-stream", "notes.txt").then().statusCode(201)
                .body("mediaType", equalTo("text/plain")).body("metadataStripped", equalTo(false)).extract()
                .response();
        byte[] back = Api.as(member).get(attachments(entry) + "/" + created.path("id") + "/content").then()
                .statusCode(200).contentType("text/plain; charset=UTF-8").extract().asByteArray();
        assertArrayEquals(text, back);

        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        String pdfId = upload(member, entry, pdf, "application/pdf", null).then().statusCode(201)
                .body("mediaType", equalTo("application/pdf")).body("filename", equalTo("attachment.pdf"))
                .extract().path("id");
        assertArrayEquals(pdf, Api.as(member).get(attachments(entry) + "/" + pdfId + "/content").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray());
    }

    @Test
    void aFileNameOutsideAsciiIsKeptAndEncodedForTheDownload() {
        TestAccount member = Api.register("jrname");
        String entry = Journals.createId(member, "A letter");
        String id = upload(member, entry, "a letter".getBytes(StandardCharsets.UTF_8), "text/plain",
                "C:\\Users\\me\\Brief an Müller.txt").then().statusCode(201)
                .body("filename", equalTo("Brief an Müller.txt")).extract().path("id");
        Api.as(member).get(attachments(entry) + "/" + id + "/content").then().statusCode(200).header(
                "Content-Disposition",
                equalTo("attachment; filename=\"Brief an M_ller.txt\"; filename*=UTF-8''Brief%20an%20M%C3%BCller.txt"));
    }

    @Test
    void aProgramRenamedJpgIsRefusedWith415() {
        TestAccount member = Api.register("jr415");
        String entry = Journals.createId(member, "Tried to attach something odd");
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        problem(upload(member, entry, exe, "image/jpeg", "photo.jpg").then(), 415, "unsupported-media-type");
        // Claims to be a JPEG by its first bytes but is not one.
        byte[] fake = Arrays.copyOf(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 4, 'x'}, 64);
        problem(upload(member, entry, fake, "image/jpeg", "photo.jpg").then(), 415, "unsupported-media-type");
        // A GIF is an image, but not one the journal keeps.
        problem(upload(member, entry, "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
                "image/gif", "a.gif").then(), 415, "unsupported-media-type");
        problem(upload(member, entry, new byte[0], "text/plain", "empty.txt").then(), 422, "empty-attachment");
        assertEquals(0, Api.count("SELECT count(*) FROM journal_attachments WHERE entry_id = ?::uuid", entry));
    }

    @Test
    void tenMebibytesPassAndOneByteMoreIs413() throws Exception {
        TestAccount member = Api.register("jr413");
        String entry = Journals.createId(member, "A long text file");
        byte[] exactly = text(10 * MIB);
        upload(member, entry, exactly, "text/plain", "long.txt").then().statusCode(201)
                .body("size", equalTo(10 * MIB));
        byte[] over = text(10 * MIB + 1);
        problem(upload(member, entry, over, "text/plain", "longer.txt").then(), 413, "payload-too-large");
        // Chunked (no Content-Length; REST Assured would send one, java.net.http with an unknown length does not):
        // refused while reading.
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + io.restassured.RestAssured.port + attachments(entry) + "?filename=longer.txt"))
                        .header("Authorization", "Bearer " + member.accessToken()).header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers
                                .ofInputStream(() -> new ByteArrayInputStream(over)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("urn:kindred:problem:payload-too-large"), chunked.body());
        assertEquals(1, Api.count("SELECT count(*) FROM journal_attachments WHERE entry_id = ?::uuid", entry));
        // Elsewhere the API's 64 KiB limit stays.
        problem(Api.as(member).body(Map.of("whatHappened", "x".repeat(70_000), "date", "2026-03-02", "area",
                "WORK")).post(ENTRIES).then(), 413, "payload-too-large");
    }

    @Test
    void theQuotaIsPerMemberAnd409NamesIt() {
        TestAccount member = Api.register("jrquota");
        String first = Journals.createId(member, "First incident");
        String second = Journals.createId(member, "Second incident");
        // The test profile's quota is 12 MiB (application.properties).
        upload(member, first, text(8 * MIB), "text/plain", "a.txt").then().statusCode(201);
        ValidatableResponse refused = problem(upload(member, second, text(5 * MIB), "text/plain", "b.txt").then(),
                409, "attachment-quota-exceeded");
        refused.body("quotaBytes", equalTo(12 * MIB)).body("usedBytes", equalTo(8 * MIB));
        String small = upload(member, second, text(4 * MIB), "text/plain", "c.txt").then().statusCode(201).extract()
                .path("id");
        Api.as(member).delete(attachments(second) + "/" + small).then().statusCode(204);
        upload(member, second, text(4 * MIB), "text/plain", "d.txt").then().statusCode(201);
        // Another member's quota is their own.
        TestAccount other = Api.register("jrquota2");
        upload(other, Journals.createId(other, "Elsewhere"), text(8 * MIB), "text/plain", "e.txt").then()
                .statusCode(201);
    }

    @Test
    void anEntryHasAtMostTwentyAttachments() {
        TestAccount member = Api.register("jrcount");
        String entry = Journals.createId(member, "Many screenshots");
        for (int i = 0; i < 20; i++) {
            upload(member, entry, ("note " + i).getBytes(StandardCharsets.UTF_8), "text/plain", "n.txt").then()
                    .statusCode(201);
        }
        problem(upload(member, entry, "one more".getBytes(StandardCharsets.UTF_8), "text/plain", "n.txt").then(),
                409, "attachment-limit-reached").body("maxAttachments", equalTo(20));
        Api.as(member).queryParam("limit", 15).get(attachments(entry)).then().statusCode(200)
                .body("items.size()", equalTo(15)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anotherMembersEntryOrAttachmentIs404() {
        TestAccount owner = Api.register("jrown");
        TestAccount stranger = Api.register("jrstr");
        String entry = Journals.createId(owner, "Mine alone");
        String id = upload(owner, entry, "private".getBytes(StandardCharsets.UTF_8), "text/plain", "p.txt").then()
                .statusCode(201).extract().path("id");
        String strangersEntry = Journals.createId(stranger, "Theirs");

        problem(upload(stranger, entry, "x".getBytes(StandardCharsets.UTF_8), "text/plain", "x.txt").then(), 404,
                "not-found");
        problem(Api.as(stranger).get(attachments(entry)).then(), 404, "not-found");
        problem(Api.as(stranger).get(attachments(entry) + "/" + id).then(), 404, "not-found");
        problem(Api.as(stranger).get(attachments(entry) + "/" + id + "/content").then(), 404, "not-found");
        problem(Api.as(stranger).delete(attachments(entry) + "/" + id).then(), 404, "not-found");
        // The owner's attachment id under the stranger's own entry is not found either.
        problem(Api.as(stranger).get(attachments(strangersEntry) + "/" + id + "/content").then(), 404, "not-found");
        problem(Api.as(owner).get(attachments(entry) + "/" + java.util.UUID.randomUUID()).then(), 404, "not-found");
        given().get(attachments(entry)).then().statusCode(401);
        Api.as(owner).get(attachments(entry) + "/" + id + "/content").then().statusCode(200);
    }

    @Test
    void deletingTheAttachmentOrItsEntryDeletesTheBytes() {
        TestAccount member = Api.register("jrdel");
        String entry = Journals.createId(member, "To be deleted");
        String one = upload(member, entry, "one".getBytes(StandardCharsets.UTF_8), "text/plain", "1.txt").then()
                .statusCode(201).extract().path("id");
        upload(member, entry, "two".getBytes(StandardCharsets.UTF_8), "text/plain", "2.txt").then().statusCode(201);
        Api.as(member).delete(attachments(entry) + "/" + one).then().statusCode(204);
        problem(Api.as(member).get(attachments(entry) + "/" + one).then(), 404, "not-found");
        problem(Api.as(member).delete(attachments(entry) + "/" + one).then(), 404, "not-found");
        assertEquals(0, Api.count("SELECT count(*) FROM journal_attachment_blobs WHERE attachment_id = ?::uuid", one));

        Api.as(member).delete(ENTRIES + "/" + entry).then().statusCode(204);
        assertEquals(0, Api.count("SELECT count(*) FROM journal_attachments WHERE entry_id = ?::uuid", entry));
        assertEquals(0, Api.count("SELECT count(*) FROM journal_attachment_blobs WHERE account_id = ?::uuid",
                member.id().toString()));
        problem(Api.as(member).get(attachments(entry)).then(), 404, "not-found");
    }

    @Test
    void aDumpHoldsNeitherTheTextNorTheNameNorTheType() {
        TestAccount member = Api.register("jrdump");
        String entry = Journals.createId(member, "Evidence");
        upload(member, entry, "Xylophonic dumpling harassment memo".getBytes(StandardCharsets.UTF_8), "text/plain",
                "Quillfeather-statement.txt").then().statusCode(201);
        for (String table : List.of("journal_attachments", "journal_attachment_blobs")) {
            for (String secret : List.of("Xylophonic", "dumpling", "Quillfeather", "text/plain")) {
                assertEquals(0,
                        Api.count("SELECT count(*) FROM " + table + " x WHERE position(convert_to(?, 'UTF8') IN "
                                + "convert_to(row_to_json(x)::text, 'UTF8') || "
                                + (table.equals("journal_attachments") ? "x.metadata" : "x.content") + ") > 0",
                                secret),
                        secret + " in " + table);
            }
        }
    }

    @Test
    void theExportListsAttachmentsWithTheirHashesAndErasureRemovesThem() {
        TestAccount member = Api.register("jrexp");
        String entry = Journals.createId(member, "For the export");
        Response created = upload(member, entry, "exported".getBytes(StandardCharsets.UTF_8), "text/plain",
                "e.txt").then().statusCode(201).extract().response();
        Response export = Api.as(member).get("/api/v1/me/export").then().statusCode(200).extract().response();
        assertEquals(List.of((String) created.path("id")), export.path("sections.journal.attachments.id"));
        assertEquals((String) created.path("sha256"), export.path("sections.journal.attachments[0].sha256"));
        assertEquals(entry, (String) export.path("sections.journal.attachments[0].entryId"));

        Api.as(member).body(Map.of("password", Api.PASSWORD, "removeContent", false)).delete("/api/v1/me").then()
                .statusCode(204);
        for (String table : List.of("journal_attachments", "journal_attachment_blobs")) {
            assertEquals(0, Api.count("SELECT count(*) FROM " + table + " WHERE account_id = ?::uuid",
                    member.id().toString()), table + " after erasure");
        }
    }

    @Test
    void aTooLongOrControlCharacterFileNameIs400() {
        TestAccount member = Api.register("jrbad");
        String entry = Journals.createId(member, "Bad names");
        problem(upload(member, entry, "x".getBytes(StandardCharsets.UTF_8), "text/plain", "a".repeat(256)).then(),
                400, "validation");
        problem(upload(member, entry, "x".getBytes(StandardCharsets.UTF_8), "text/plain", "a\u0007b.txt").then(),
                400, "validation");
        problem(Api.as(member).contentType("text/plain").body("x").post(ENTRIES + "/not-a-uuid/attachments").then(),
                400, null);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    static String attachments(String entry) {
        return ENTRIES + "/" + entry + "/attachments";
    }

    static Response upload(TestAccount who, String entry, byte[] bytes, String contentType, String filename) {
        var request = given().auth().oauth2(who.accessToken()).contentType(contentType).body(bytes);
        if (filename != null) {
            request.queryParam("filename", filename);
        }
        return request.post(attachments(entry));
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String kind) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (kind != null) {
            response.body("type", equalTo("urn:kindred:problem:" + kind));
        }
        return response;
    }

    static byte[] text(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** A 64x48 JPEG with EXIF (GPS position, camera make and model), XMP and a comment. */
    static byte[] photoWithGps() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);

        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "Canon");
        root.add(TiffTagConstants.TIFF_TAG_MODEL, "Canon EOS 5D Mark IV");
        exif.setGpsInDegrees(-0.1278, 51.5074);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp,
                "<x:xmpmeta xmlns:x='adobe:ns:meta/'>kindred-secret-xmp</x:xmpmeta>");
        byte[] jpeg = withXmp.toByteArray();
        byte[] comment = "kindred-secret-comment".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(new byte[]{(byte) 0xff, (byte) 0xfe, 0, (byte) (comment.length + 2)});
        out.write(comment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a tEXt chunk holding {@code secret}, inserted after the header chunk. */
    static byte[] pngWithText(String secret) throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "png", plain);
        byte[] png = plain.toByteArray();
        byte[] data = ("Comment\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write(new byte[]{0, 0, 0, (byte) data.length});
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        chunk.write(typeAndData);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeAndData);
        long c = crc.getValue();
        chunk.write(new byte[]{(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        int afterHeader = 8 + 25; // signature, IHDR (13 bytes of data + 12)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.write(chunk.toByteArray());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}

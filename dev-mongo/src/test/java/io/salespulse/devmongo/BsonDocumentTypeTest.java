package io.salespulse.devmongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents are written as a tag and their BSON, and read back equal; one Java-serialised before is still read. */
class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    private static Document document() {
        return new Document("_id", "rep-1|2026-12-07")
                .append("count", 42L)
                .append("at", Instant.parse("2026-12-07T09:30:00Z"))
                .append("ids", List.of("a", "b", "c"))
                .append("nested", new Document("x", 1.5).append("none", null));
    }

    @Test
    void writesBsonAfterATagAndReadsItBack() {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document());
        type.write(buffer, new Document("_id", 2));
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isEqualTo((byte) 0xB5);
        assertThat(type.read(written)).isEqualTo(document());
        assertThat(type.read(written)).isEqualTo(new Document("_id", 2));
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void aDocumentChangingWhileTheStoreWritesItIsStillWritten() throws Exception {
        Document counters = new Document();
        Document document = new Document("_id", "rep-1|2026-12-07").append("c", counters);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        // Updates as the server applies them: a few changes at a time, to a nested document the store still holds.
        Thread updater = new Thread(() -> {
            for (long i = 0; writing.get(); i++) {
                counters.put("k" + (i % 500), i);
                counters.remove("k" + ((i + 250) % 500));
                if (i % 5 == 0) {
                    Thread.yield();
                }
            }
        });
        updater.start();
        try {
            for (int i = 0; i < 2_000; i++) {
                WriteBuffer buffer = new WriteBuffer();
                type.write(buffer, document);
                ByteBuffer written = buffer.getBuffer().flip();
                assertThat(type.read(written).get("_id")).isEqualTo("rep-1|2026-12-07");
            }
        } finally {
            writing.set(false);
            updater.join();
        }
    }

    @Test
    void readsADocumentStoredWithJavaSerialisationBefore() {
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document());
        type.write(buffer, new Document("_id", 3));
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(type.read(written)).isEqualTo(document());
        assertThat(type.read(written)).isEqualTo(new Document("_id", 3));
    }
}

package io.salespulse.devmongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ConcurrentModificationException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's documents are stored in its H2 map: as BSON, the form they arrive in on the wire. The H2 backend
 * leaves them to H2's generic object type, which writes a document with Java serialisation at every insert and update
 * and reads it back the same way at every match: the benchmark's profiles found most of the Mongo-wire server's time
 * there. A stored value starts with a tag; a document a file written before holds (Java-serialised, whose first byte
 * is one of H2's own tags, none of them this one) is still read, and written back as BSON when it changes.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Not among the tags of H2's object type (0 to 119). */
    private static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();

    /** A running estimate of a document's size in memory, for the store's page cache. */
    private volatile int averageSize = 256;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    /**
     * Writes a document. The store writes its pages from a background thread while the server may be changing, in
     * place, a document an unsaved page still holds (an update applies its operators to the stored document's nested
     * documents); encoding it then fails on the change, and is done again once the change is over: an update's change
     * lasts microseconds. A write must not fail (the store would close), nor write a half-changed map (Java
     * serialisation, which the H2 backend used, walks a map's table without noticing a change and can write one that
     * does not read back), so it waits for a consistent encoding, backing off.
     */
    @Override
    public void write(WriteBuffer buffer, Document document) {
        for (int attempt = 1; ; attempt++) {
            ByteBuf bson = Unpooled.buffer(averageSize);
            try {
                BsonEncoder.encodeDocument(document, bson);
                int size = bson.readableBytes();
                averageSize = (averageSize * 15 + 2 * size) / 16; // a document in memory takes about twice its BSON
                buffer.put(BSON);
                buffer.put(bson.nioBuffer());
                return;
            } catch (ConcurrentModificationException e) {
                if (attempt < 100) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            } finally {
                bson.release();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}

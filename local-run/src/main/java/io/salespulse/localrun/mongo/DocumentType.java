package io.salespulse.localrun.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How documents are stored in their H2 map: as BSON, where the H2 backend leaves them to H2's generic object type,
 * which writes and reads every document with Java serialisation. Documents written that way (a file from the plain
 * backend, or from before) are still read; each is written as BSON the next time it changes.
 */
final class DocumentType extends BasicDataType<Document> {

    /** Marks a BSON document; H2's generic type starts its values with tags below 120. */
    private static final byte BSON = 127;

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON);
            buffer.putVarInt(bson.readableBytes());
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Document document) {
        return 64 + estimate(document);
    }

    /** A rough size in memory, for H2's page cache: about 64 bytes a value, nested values counted. */
    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Object nested : map.values()) {
                size += 32 + estimate(nested);
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 32;
            for (Object nested : collection) {
                size += 8 + estimate(nested);
            }
            return size;
        }
        if (value instanceof String string) {
            return 40 + string.length();
        }
        return 24;
    }

    @Override
    public int compare(Document a, Document b) {
        // Values are only compared for equality (a conditional replace).
        return Objects.equals(a, b) ? 0 : Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}

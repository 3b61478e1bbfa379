package io.salespulse.devmongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a unique index's keys are stored and ordered in its H2 map. The H2 backend leaves them to H2's generic object
 * type, which orders values that are not {@link Comparable} (as {@link KeyValue} is not) by serialising both with Java
 * serialisation at every comparison of every lookup; this type compares them as MongoDB orders values.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    private static final byte MISSING = 0;
    private static final byte NULL = 1;
    private static final byte VALUE = 2;

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int compared = ValueComparator.ascWithoutListHandling().compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return 24 + 48 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            if (value instanceof Missing) {
                buffer.put(MISSING);
            } else if (value == null) {
                buffer.put(NULL);
            } else {
                buffer.put(VALUE);
                values.write(buffer, value);
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte tag = buffer.get();
            read.add(tag == MISSING ? Missing.getInstance() : tag == NULL ? null : values.read(buffer));
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}

package io.salespulse.kit.mongo;

import io.salespulse.contracts.EventCodec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records to Mongo documents and back, through the event JSON mapping, so a value reads back exactly as it was
 * written (instants to the nanosecond, as ISO text). Stores are typed documents mapped by Spring Data
 * ({@link MongoMappingConfiguration}); this is for the one value kept as JSON on purpose, an aggregate's state in the
 * accepted-event log, which the next update is compared with, and for reading what earlier builds wrote this way.
 * Every {@link BigDecimal} (amounts, ratios) is stored as {@link Decimal128}, never as a double (see
 * {@link Decimals}). Extra fields of a stored document ({@code _id}, {@link LatestState#ORDER}, bookkeeping) are
 * ignored on reading, since the mapping ignores unknown properties.
 */
public final class Documents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Documents() {}

    public static Document of(Object value) {
        JsonNode tree = EventCodec.mapper().valueToTree(value);
        if (!tree.isObject()) {
            throw new IllegalArgumentException(
                    "not stored as a document: " + value.getClass().getSimpleName());
        }
        return (Document) bson(tree);
    }

    public static <T> T read(Document doc, Class<T> type) {
        return EventCodec.mapper().treeToValue(json(doc), type);
    }

    private static Object bson(JsonNode node) {
        if (node.isObject()) {
            Document doc = new Document();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                doc.append(field.getKey(), bson(field.getValue()));
            }
            return doc;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(bson(item)));
            return list;
        }
        if (node.isBigDecimal() || node.isFloatingPointNumber()) {
            // A decimal the mapping wrote from a double keeps its shortest decimal form, as it reads in JSON.
            return Decimals.bson(node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asString()));
        }
        if (node.isIntegralNumber()) {
            // As a JSON parser would: Int32 when it fits, Int64 when it does not (readers may ask for either).
            return node.canConvertToInt()
                    ? (Object) node.intValue()
                    : node.canConvertToLong() ? (Object) node.longValue() : Decimals.bson(node.decimalValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.asString();
    }

    private static JsonNode json(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), json(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(json(item)));
            return array;
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Decimal128
                || value instanceof Double
                || value instanceof Float
                || value instanceof BigDecimal) {
            return NODES.numberNode(Decimals.read(value));
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Date date) {
            return NODES.stringNode(date.toInstant().toString());
        }
        return NODES.stringNode(value.toString());
    }
}

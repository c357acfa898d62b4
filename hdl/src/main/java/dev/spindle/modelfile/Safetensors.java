package dev.spindle.modelfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.tools.AtomicFile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hugging Face's {@code .safetensors}: an 8-byte little-endian header length, a JSON header
 * {@code {"name": {"dtype": "F32", "shape": [out, in], "data_offsets": [begin, end]}, "__metadata__": {...}}} and
 * the little-endian data, offsets counted from the end of the header. Arrays keep PyTorch's layouts
 * ({@code nn.Linear.weight} is (out, in)); {@code ModelWeights} maps them onto the architecture.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Safetensors() {}

    public static ArrayFile read(Path file) {
        byte[] bytes = ModelFileException.reading(file, Files::readAllBytes);
        if (bytes.length < 8) throw ModelFileException.file(file, "truncated .safetensors (" + bytes.length + " bytes, no header)");
        long headerLen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (headerLen < 2 || headerLen > bytes.length - 8) {
            throw ModelFileException.file(file, "truncated or corrupt .safetensors: header length " + headerLen
                    + " does not fit the file's " + bytes.length + " bytes");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw ModelFileException.file(file, "corrupt .safetensors header (not JSON: " + e.getOriginalMessage() + ")");
        }
        if (!header.isObject()) throw ModelFileException.file(file, "corrupt .safetensors header (not a JSON object)");
        int dataStart = 8 + (int) headerLen;
        int dataLen = bytes.length - dataStart;
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (var it = header.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals("__metadata__")) continue;
            String name = e.getKey();
            JsonNode t = e.getValue();
            DType dtype = t.hasNonNull("dtype") ? DType.ofSafetensors(t.get("dtype").asText()) : null;
            if (dtype == null) {
                throw ModelFileException.array(file, name, "dtype " + t.get("dtype")
                        + " is not supported: allowed F16, BF16, F32, F64, I8..I64, U8..U64, BOOL");
            }
            JsonNode shapeNode = t.get("shape");
            JsonNode offsets = t.get("data_offsets");
            if (shapeNode == null || !shapeNode.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2) {
                throw ModelFileException.array(file, name, "corrupt header entry (needs shape and data_offsets [begin, end]): " + t);
            }
            int[] shape = new int[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!shapeNode.get(i).canConvertToInt() || shapeNode.get(i).asInt() < 0) {
                    throw ModelFileException.array(file, name, "corrupt shape " + shapeNode);
                }
                shape[i] = shapeNode.get(i).asInt();
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            long need = NdArray.size(shape) * dtype.bytes();
            if (begin < 0 || end < begin || end - begin != need) {
                throw ModelFileException.array(file, name, "corrupt data_offsets " + offsets + ": shape " + shapeNode + " of "
                        + dtype.safetensorsName() + " needs " + need + " bytes");
            }
            if (end > dataLen) {
                throw ModelFileException.array(file, name, "truncated: data ends at byte " + end + " of the data section, which has "
                        + dataLen);
            }
            ByteBuffer data = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) need).slice().order(ByteOrder.LITTLE_ENDIAN);
            arrays.put(name, Elements.decode(dtype, shape, data, (int) NdArray.size(shape), file, name));
        }
        return new ArrayFile(file, arrays);
    }

    /** Writes {@code arrays} (in the map's order, packed back to back) to {@code file}, atomically. */
    public static void write(Path file, Map<String, NdArray> arrays) {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        var parts = new java.util.ArrayList<byte[]>();
        for (var e : arrays.entrySet()) {
            NdArray a = e.getValue();
            byte[] data = Elements.encode(a);
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", a.dtype().safetensorsName());
            var shape = t.putArray("shape");
            for (int d : a.shape()) shape.add(d);
            t.putArray("data_offsets").add(offset).add(offset + data.length);
            offset += data.length;
            parts.add(data);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int pad = (8 - json.length % 8) % 8;       // the format's convention: data aligned to 8 bytes, header padded with spaces
        ByteBuffer out = ByteBuffer.allocate((int) (8 + json.length + pad + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length + pad).put(json);
        for (int i = 0; i < pad; i++) out.put((byte) ' ');
        for (byte[] p : parts) out.put(p);
        AtomicFile.write(file, out.array());
    }
}

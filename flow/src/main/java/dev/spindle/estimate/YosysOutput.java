package dev.spindle.estimate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what the scripts of {@link YosysScripts} write. */
final class YosysOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LONGEST = Pattern.compile("Longest topological path in \\S+ \\(length=(-?\\d+)\\)");

    private YosysOutput() {}

    /** {@code design.num_cells_by_type} of {@code stat -json}: the whole flattened design. */
    static Map<String, Integer> cellsByType(String statJson) {
        JsonNode byType;
        try {
            byType = JSON.readTree(statJson).path("design").path("num_cells_by_type");
        } catch (JsonProcessingException e) {
            throw new EstimateException("cannot parse Yosys stat -json output: " + e.getOriginalMessage(), e);
        }
        if (!byType.isObject()) throw new EstimateException("Yosys stat -json output has no design.num_cells_by_type");
        Map<String, Integer> cells = new LinkedHashMap<>();
        byType.properties().forEach(e -> cells.put(e.getKey(), e.getValue().asInt()));
        return cells;
    }

    /** The largest {@code length=N} of {@code ltp}; -1 (a design with no wires) reads as 0. */
    static int depth(String ltpText) {
        Matcher m = LONGEST.matcher(ltpText);
        int depth = -1;
        boolean found = false;
        while (m.find()) {
            found = true;
            depth = Math.max(depth, Integer.parseInt(m.group(1)));
        }
        if (!found) throw new EstimateException("Yosys ltp output has no 'Longest topological path' line");
        return Math.max(depth, 0);
    }
}

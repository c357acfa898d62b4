package dev.spindle.hdl.verilog;

import java.util.HashMap;
import java.util.Map;

/** Unique Verilog identifiers within one module: a taken name or a keyword gets a numeric suffix. */
final class Names {
    private final Map<String, Integer> taken = new HashMap<>();
    /** Names that are keywords, and what they became, in order of claim. */
    private final Map<String, String> renamed = new java.util.LinkedHashMap<>();

    Map<String, String> renamedKeywords() { return renamed; }

    String claim(String wanted) {
        String base = sanitize(wanted);
        boolean keyword = Keywords.ALL.contains(base);
        String chosen = claimFree(keyword ? base + "_" : base);
        if (keyword) renamed.putIfAbsent(base, chosen);
        return chosen;
    }

    private String claimFree(String base) {
        if (!taken.containsKey(base)) {
            taken.put(base, 0);
            return base;
        }
        int n = taken.get(base);
        String candidate;
        do {
            n++;
            candidate = base + "_" + n;
        } while (taken.containsKey(candidate));
        taken.put(base, n);
        taken.put(candidate, 0);
        return candidate;
    }

    private static String sanitize(String s) {
        if (isIdentifier(s)) return s;   // nearly every name: no copy
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
        }
        if (sb.isEmpty() || Character.isDigit(sb.charAt(0))) sb.insert(0, '_');
        return sb.toString();
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '_')) return false;
        }
        return true;
    }
}

package dev.spindle.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XilinxCellsTest {
    /** One count over a cell list: what it counts, the function, the cells and the expected total. */
    static Stream<Arguments> counts() {
        return Stream.of(
                count("LUTs count logic sites and inverters", XilinxCells::lutLogic,
                        Map.of("LUT1", 1, "LUT2", 2, "LUT6", 10, "LUT6_2", 3, "INV", 2, "MUXF7", 5, "CARRY4", 4), 18),
                count("distributed RAM counts the LUTs it occupies", XilinxCells::lutMemory,
                        Map.of("RAM64M", 2, "RAM32M", 1, "RAM64X1D", 1, "SRLC32E", 3, "RAMB36E2", 5, "RAM32M16", 1), 2 * 4 + 4 + 2 + 3 + 8),
                count("registers are flip-flops and latches", XilinxCells::ff,
                        Map.of("FDRE", 3, "FDSE", 1, "FDCE", 2, "FDPE", 1, "LDCE", 1, "LUT2", 9, "LDPE_1", 1), 9));
    }

    private static Arguments count(String what, ToIntFunction<Map<String, Integer>> f, Map<String, Integer> cells, int expected) {
        return Arguments.of(what, f, cells, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("counts")
    void countsCells(String what, ToIntFunction<Map<String, Integer>> f, Map<String, Integer> cells, int expected) {
        assertEquals(expected, f.applyAsInt(cells), what + " in " + cells);
    }

    @Test
    void bramIsInRamb36Tiles() {
        assertEquals(2.5, XilinxCells.bram(Map.of("RAMB36E2", 2, "RAMB18E2", 1)));
        assertEquals(1.5, XilinxCells.bram(Map.of("RAMB36E1", 1, "RAMB18E1", 1)));
        assertEquals(0.0, XilinxCells.bram(Map.of("URAM288", 4)));
    }

    @Test
    void dspUramAndCarry() {
        var cells = Map.of("DSP48E2", 3, "DSP48E1", 1, "URAM288", 4, "CARRY4", 5, "CARRY8", 2, "IBUF", 7);
        assertEquals(4, XilinxCells.dsp(cells));
        assertEquals(4, XilinxCells.uram(cells));
        assertEquals(7, XilinxCells.carry(cells));
    }
}

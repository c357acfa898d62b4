package dev.spindle.hdl.ir;

/**
 * Operators of the netlist. Operands of arithmetic and bitwise operators always have the result's width
 * (the front end extends them explicitly), so the emitted Verilog never relies on context-determined sizing.
 */
public enum OpKind {
    ADD("+"), SUB("-"), MUL("*"), DIV_U("/"), MOD_U("%"),
    AND("&"), OR("|"), XOR("^"), NOT("~"), NEG("-"),
    EQ("=="), NE("!="), LT_U("<"), LE_U("<="), LT_S("<"), LE_S("<="),
    /** Shift by a constant (param 0), keeping the width. */
    SLL_CONST("<<"), SRL_CONST(">>"), SRA_CONST(">>>"),
    /** Shift by a UInt operand, keeping the width. */
    SLL("<<"), SRL(">>"), SRA(">>>"),
    /** Bits [param0 : param1] of the operand. */
    SLICE(""),
    /** Operands concatenated, most significant first. */
    CONCAT(""),
    /** Zero or sign extension of the operand to the result width. */
    ZEXT(""), SEXT(""),
    /** operand0 ? operand1 : operand2 */
    MUX("?"),
    REDUCE_OR("|"), REDUCE_AND("&"), REDUCE_XOR("^"),
    /** Asynchronous read of {@link Op#mem()} at operand 0. */
    MEM_READ("");

    public final String symbol;

    OpKind(String symbol) { this.symbol = symbol; }
}

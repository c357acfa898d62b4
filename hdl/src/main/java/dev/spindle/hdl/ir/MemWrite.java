package dev.spindle.hdl.ir;

/**
 * {@code mem[address] <= data} on the memory's clock edge, where the enclosing conditions hold. With a mask,
 * bit i of the mask enables bits [i*g+g-1 : i*g] of the word (g = width / mask width), the byte-enable pattern
 * block RAM inference recognises.
 */
public record MemWrite(MemNode mem, Node address, Node data, Node mask, SourceLoc loc) implements Stmt {}

module SyntaxError (
  input clk,
  output y
);
  assign y = clk &;
endmodule

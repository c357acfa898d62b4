// A registered 16x16 unsigned multiply: one DSP48.
module Mul (
  input clk,
  input [15:0] io_a,
  input [15:0] io_b,
  output [31:0] io_p
);
  reg [31:0] p;
  always @(posedge clk) p <= io_a * io_b;
  assign io_p = p;
endmodule

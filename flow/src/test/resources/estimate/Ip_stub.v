// Ports only: read with read_verilog -lib.
module Ip (
  input clk,
  input [7:0] d,
  output [7:0] q
);
endmodule

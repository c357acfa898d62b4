module Acc(
  input clk,
  input [15:0] in,
  output reg [15:0] acc
);
  always @(posedge clk) acc <= acc + in;
endmodule

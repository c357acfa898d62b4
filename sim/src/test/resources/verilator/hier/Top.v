// Hierarchy across files: Top instantiates Acc twice.
module Top(
  input clk,
  input [15:0] io_x,
  output [31:0] io_sum
);
  wire [15:0] lo;
  wire [15:0] hi;
  Acc acc_lo(.clk(clk), .in(io_x), .acc(lo));
  Acc acc_hi(.clk(clk), .in(lo), .acc(hi));
  assign io_sum = {hi, lo};
endmodule

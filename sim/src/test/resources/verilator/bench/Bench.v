// The benchmark's small design: a 32-bit counter and a 64- and a 128-bit port driven every cycle.
module Bench(
  input clk,
  input [63:0] io_a,
  input [127:0] io_b,
  output [31:0] io_count,
  output [63:0] io_x,
  output [127:0] io_y
);
  reg [31:0] count;
  reg [63:0] x;
  reg [127:0] y;
  always @(posedge clk) begin
    count <= count + 32'd1;
    x <= io_a ^ {32'd0, count};
    y <= io_b + {96'd0, count};
  end
  assign io_count = count;
  assign io_x = x;
  assign io_y = y;
endmodule

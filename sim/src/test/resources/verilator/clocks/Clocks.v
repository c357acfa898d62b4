// Two clock domains and a $finish: the second clock is driven from Java.
module Clocks(
  input clk,
  input clk_b,
  output [15:0] io_a,
  output [15:0] io_b
);
  reg [15:0] a;
  reg [15:0] b;
  always @(posedge clk) begin
    a <= a + 16'd1;
    if (a == 16'd99) $finish;
  end
  always @(posedge clk_b) b <= b + 16'd1;
  assign io_a = a;
  assign io_b = b;
endmodule

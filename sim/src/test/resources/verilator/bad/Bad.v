module Bad(
  input clk,
  input [7:0] io_in,
  output [7:0] io_out
);
  reg [7:0] r;
  always @(posedge clk) r <= io_in + 8'd1 // Bad.java:12
  assign io_out = r; // Bad.java:13
endmodule

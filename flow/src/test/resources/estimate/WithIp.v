// Instantiates Ip, which only a blackbox stub (Ip_stub.v) describes, as the XDMA core would be.
module WithIp (
  input clk,
  input [7:0] io_a,
  output [7:0] io_y
);
  reg [7:0] r;
  wire [7:0] q;
  Ip ip (.clk(clk), .d(r), .q(q));
  always @(posedge clk) r <= io_a + 8'd3;
  assign io_y = q ^ r;
endmodule

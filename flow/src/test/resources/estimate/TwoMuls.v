// Two instances of Mul and a register of its own: a per-module estimate synthesises Mul once.
module TwoMuls (
  input clk,
  input [15:0] io_a,
  input [15:0] io_b,
  output [31:0] io_p
);
  wire [31:0] p0;
  wire [31:0] p1;
  reg [31:0] sum;
  Mul mul (
    .clk(clk), .io_a(io_a), .io_b(io_b), .io_p(p0)
  );
  Mul mul_1 (
    .clk(clk), .io_a(io_b), .io_b(io_a), .io_p(p1)
  );
  always @(posedge clk) sum <= p0 ^ p1;
  assign io_p = sum;
endmodule

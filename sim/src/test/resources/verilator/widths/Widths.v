// out = in + 1, registered, at every storage size Verilator uses (CData, SData, IData, QData, VlWide).
module Widths(
  input clk,
  input io_in1, input [7:0] io_in8, input [15:0] io_in16, input [31:0] io_in32,
  input [32:0] io_in33, input [63:0] io_in64, input [64:0] io_in65, input [99:0] io_in100,
  input [127:0] io_in128,
  output reg io_out1, output reg [7:0] io_out8, output reg [15:0] io_out16, output reg [31:0] io_out32,
  output reg [32:0] io_out33, output reg [63:0] io_out64, output reg [64:0] io_out65,
  output reg [99:0] io_out100, output reg [127:0] io_out128
);
  always @(posedge clk) begin
    io_out1 <= io_in1 + 1'd1;
    io_out8 <= io_in8 + 8'd1;
    io_out16 <= io_in16 + 16'd1;
    io_out32 <= io_in32 + 32'd1;
    io_out33 <= io_in33 + 33'd1;
    io_out64 <= io_in64 + 64'd1;
    io_out65 <= io_in65 + 65'd1;
    io_out100 <= io_in100 + 100'd1;
    io_out128 <= io_in128 + 128'd1;
  end
endmodule

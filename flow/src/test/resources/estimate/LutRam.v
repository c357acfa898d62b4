// 64 x 8 bits with an asynchronous read: distributed RAM, no block RAM.
module LutRam (
  input clk,
  input io_we,
  input [5:0] io_addr,
  input [7:0] io_wdata,
  output [7:0] io_rdata
);
  reg [7:0] mem [0:63];
  always @(posedge clk)
    if (io_we) mem[io_addr] <= io_wdata;
  assign io_rdata = mem[io_addr];
endmodule

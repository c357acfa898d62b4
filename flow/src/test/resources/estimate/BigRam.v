// 16384 x 72 bits = 1152 Kb: 32 RAMB36, or 4 URAM288 when URAM is allowed.
module BigRam (
  input clk,
  input io_we,
  input [13:0] io_waddr,
  input [71:0] io_wdata,
  input [13:0] io_raddr,
  output [71:0] io_rdata
);
  reg [71:0] mem [0:16383];
  reg [71:0] rdata;
  always @(posedge clk) begin
    if (io_we) mem[io_waddr] <= io_wdata;
    rdata <= mem[io_raddr];
  end
  assign io_rdata = rdata;
endmodule

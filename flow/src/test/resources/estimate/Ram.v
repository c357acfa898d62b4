// 1024 x 32 bits with a registered read: one RAMB36 (32 Kb of its 36 Kb).
module Ram (
  input clk,
  input io_we,
  input [9:0] io_waddr,
  input [31:0] io_wdata,
  input [9:0] io_raddr,
  output [31:0] io_rdata
);
  reg [31:0] mem [0:1023];
  reg [31:0] rdata;
  always @(posedge clk) begin
    if (io_we) mem[io_waddr] <= io_wdata;
    rdata <= mem[io_raddr];
  end
  assign io_rdata = rdata;
endmodule

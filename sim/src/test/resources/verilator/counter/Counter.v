// 8-bit counter with enable and synchronous reset: io_value is the count before the edge.
module Counter(
  input clk,
  input reset,
  input io_enable,
  output [7:0] io_value
);
  reg [7:0] count;
  always @(posedge clk) begin
    if (reset) count <= 8'd0;
    else if (io_enable) count <= count + 8'd1;
  end
  assign io_value = count;
endmodule

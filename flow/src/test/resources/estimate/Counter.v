// A 16-bit counter with asynchronous reset and enable: 16 FDCE, a 16-bit carry chain.
module Counter (
  input clk,
  input reset,
  input io_enable,
  output [15:0] io_value
);
  reg [15:0] count;
  always @(posedge clk or posedge reset)
    if (reset) count <= 16'd0;
    else if (io_enable) count <= count + 16'd1;
  assign io_value = count;
endmodule

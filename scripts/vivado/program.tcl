# Loads the bitstream into the FPGA over JTAG with Vivado's hardware manager (lost at power-off).
#   cd BUILD_DIR && vivado -mode batch -notrace -source program.tcl -tclargs [SERIAL]
# Untested on hardware: checked with tclsh and stubbed Vivado commands.

set here [file dirname [file normalize [info script]]]
source [file join $here common.tcl]
source [file join $here settings.tcl]
set serial [lindex $argv 0]

set bit [file join $here out $spindle(top).bit]
if {![file exists $bit]} {
    error "spindle: no bitstream $bit: run build.sh first"
}
set device [spindle_open_device $spindle(jtag_device) $serial]
spindle_step "program $device with $bit" {
    set_property PROGRAM.FILE $bit $device
    program_hw_devices $device
    refresh_hw_device $device
}
close_hw_target
puts "spindle: programmed; the PCIe link is down until the host rescans (scripts/pcie-rescan)"

# Writes the flash image to the board's configuration flash with Vivado's hardware manager, so the design
# loads at power-on and enumerates in time (a JTAG-loaded design needs a rescan or a warm reboot instead).
#   cd BUILD_DIR && vivado -mode batch -notrace -source flash.tcl -tclargs [SERIAL]
# On an Alveo card this replaces the XRT shell's image: see README.md for the command that restores it.
# Untested on hardware: checked with tclsh and stubbed Vivado commands.

set here [file dirname [file normalize [info script]]]
source [file join $here common.tcl]
source [file join $here settings.tcl]
set serial [lindex $argv 0]

set base [file join $here out $spindle(top)]
if {$spindle(flash_interface) eq "SPIx8"} {
    set files [list ${base}_primary.mcs ${base}_secondary.mcs]
    set prms [list ${base}_primary.prm ${base}_secondary.prm]
} else {
    set files [list $base.mcs]
    set prms [list $base.prm]
}
foreach f [concat $files $prms] {
    if {![file exists $f]} {
        error "spindle: no flash image $f: run build.sh first"
    }
}
set device [spindle_open_device $spindle(jtag_device) $serial]
spindle_step "flash $spindle(flash_part) on $device" {
    create_hw_cfgmem -hw_device $device [lindex [get_cfgmem_parts $spindle(flash_part)] 0]
    set mem [get_property PROGRAM.HW_CFGMEM $device]
    set_property PROGRAM.ADDRESS_RANGE {use_file} $mem
    set_property PROGRAM.FILES $files $mem
    set_property PROGRAM.PRM_FILES $prms $mem
    set_property PROGRAM.UNUSED_PIN_TERMINATION {pull-none} $mem
    set_property PROGRAM.BLANK_CHECK 0 $mem
    set_property PROGRAM.ERASE 1 $mem
    set_property PROGRAM.CFG_PROGRAM 1 $mem
    set_property PROGRAM.VERIFY 1 $mem
    set_property PROGRAM.CHECKSUM 0 $mem
    # The flash is written through a helper bitstream that Vivado loads into the FPGA first.
    create_hw_bitstream -hw_device $device [get_property PROGRAM.HW_CFGMEM_BITFILE $device]
    program_hw_devices $device
    refresh_hw_device $device
    program_hw_cfgmem -hw_cfgmem $mem
}
spindle_step "boot $device from flash" {
    boot_hw_device $device
}
close_hw_target
puts "spindle: flashed; the design loads at power-on. Warm-reboot the host (or rescan) so it enumerates"

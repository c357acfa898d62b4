# Shared by Spindle's Vivado scripts: the pinned release check and timed steps.
# Untested on hardware and on Vivado itself: checked with tclsh and stubbed Vivado commands (spindle deploy --dry-run).

# Refuses any Vivado release but the one the scripts and the XDMA IP configuration were written for.
proc spindle_require_vivado {want} {
    set have [version -short]
    if {$have ne $want} {
        error "spindle: these scripts are written for Vivado $want (its XDMA IP version and configuration keys);\
               this is Vivado $have: run them under Vivado $want"
    }
}

# Runs script in the caller's scope between two progress lines; the second gives the elapsed time.
proc spindle_step {name script} {
    puts "spindle: $name ..."
    set t0 [clock milliseconds]
    uplevel 1 $script
    puts [format "spindle: %s done in %.1f s" $name [expr {([clock milliseconds] - $t0) / 1000.0}]]
}

# The first JTAG target (or the one whose name holds serial) and, on it, the board's FPGA.
proc spindle_open_device {device_prefix serial} {
    open_hw_manager
    connect_hw_server -allow_non_jtag
    set targets [get_hw_targets]
    if {$serial ne ""} {
        set targets [lsearch -all -inline -glob $targets "*$serial*"]
    }
    if {[llength $targets] == 0} {
        error "spindle: no JTAG target[expr {$serial eq "" ? "" : " with serial $serial"}]: is the cable plugged in and the board powered?"
    }
    if {[llength $targets] > 1} {
        error "spindle: [llength $targets] JTAG targets ([join $targets {, }]): give the board's serial"
    }
    open_hw_target [lindex $targets 0]
    set devices [get_hw_devices ${device_prefix}*]
    if {[llength $devices] == 0} {
        error "spindle: no $device_prefix device on JTAG target [lindex $targets 0] (found: [join [get_hw_devices] {, }])"
    }
    set device [lindex $devices 0]
    current_hw_device $device
    refresh_hw_device -update_hw_probes false $device
    return $device
}

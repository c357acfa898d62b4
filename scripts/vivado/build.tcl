# Spindle deployment build: Vivado non-project batch flow from a build directory written by spindle deploy.
#   cd BUILD_DIR && vivado -mode batch -notrace -source build.tcl -tclargs [--allow-negative-slack]
# (BUILD_DIR/build.sh runs exactly that and prints Vivado's phases with elapsed times.)
# Reads settings.tcl (board, part, sources, XDMA configuration), writes out/ (checkpoints, bitstream, flash
# image) and reports/ (utilization, timing). Fails on negative setup or hold slack unless --allow-negative-slack.
# Untested on hardware and on Vivado itself: checked with tclsh and stubbed Vivado commands.

set here [file dirname [file normalize [info script]]]
source [file join $here common.tcl]
source [file join $here xdma.tcl]
source [file join $here settings.tcl]

set allow_negative_slack 0
foreach arg $argv {
    if {$arg eq "--allow-negative-slack"} {
        set allow_negative_slack 1
    } else {
        error "build.tcl: unknown argument $arg: allowed --allow-negative-slack"
    }
}

spindle_require_vivado $spindle(vivado_version)
cd $here
file mkdir ip out reports

# Worst slack of one kind (max = setup, min = hold) over every timed path.
proc spindle_worst_slack {delay_type} {
    set paths [get_timing_paths -delay_type $delay_type -max_paths 1 -nworst 1]
    if {[llength $paths] == 0} {
        error "spindle: no timed $delay_type paths: is the refclk constraint in the XDC?"
    }
    return [get_property SLACK [lindex $paths 0]]
}

spindle_step "create in-memory project for $spindle(part)" {
    create_project -in_memory -part $spindle(part)
    set_property target_language Verilog [current_project]
}
spindle_step "XDMA IP $spindle(xdma_vlnv) ($spindle(board))" {
    spindle_create_xdma ip $spindle(xdma_vlnv) $spindle(xdma_module) $spindle(xdma_config)
}
spindle_step "read sources" {
    foreach file $spindle(verilog) {
        read_verilog $file
    }
    read_xdc $spindle(xdc)
    # Timing constraints of the design itself (the unit clock's asynchronous group), after the board's pins.
    foreach file $spindle(xdc_extra) {
        read_xdc $file
    }
}
spindle_step synth_design {
    synth_design -top $spindle(top) -part $spindle(part)
    write_checkpoint -force out/post_synth.dcp
    report_utilization -file reports/utilization_synth.rpt
}
spindle_step opt_design {
    opt_design
}
spindle_step place_design {
    place_design
    phys_opt_design
}
spindle_step route_design {
    route_design
    write_checkpoint -force out/post_route.dcp
}
spindle_step reports {
    report_utilization -file reports/utilization.rpt
    report_utilization -cells [get_cells $spindle(xdma_module)] -file reports/utilization_xdma.rpt
    report_timing_summary -max_paths 10 -report_unconstrained -file reports/timing_summary.rpt
    report_route_status -file reports/route_status.rpt
}

set wns [spindle_worst_slack max]
set whs [spindle_worst_slack min]
puts "spindle: timing WNS $wns ns, WHS $whs ns (reports/timing_summary.rpt)"
if {$wns < 0 || $whs < 0} {
    if {!$allow_negative_slack} {
        error "spindle: negative slack (WNS $wns ns, WHS $whs ns): see reports/timing_summary.rpt;\
               rerun with --allow-negative-slack to write the bitstream anyway"
    }
    puts "spindle: warning: negative slack allowed by --allow-negative-slack: the bitstream may not work"
}

spindle_step write_bitstream {
    write_bitstream -force out/$spindle(top).bit
}
spindle_step "flash image ($spindle(flash_interface), $spindle(flash_size) MB at $spindle(flash_address))" {
    write_cfgmem -force -format mcs -size $spindle(flash_size) -interface $spindle(flash_interface) \
        -loadbit "up $spindle(flash_address) out/$spindle(top).bit" -checksum -file out/$spindle(top).mcs
}
puts "spindle: build done: out/$spindle(top).bit, flash image out/$spindle(top)[expr {$spindle(flash_interface) eq "SPIx8" ? "_primary.mcs and _secondary.mcs" : ".mcs"}]"

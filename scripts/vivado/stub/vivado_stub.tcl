# Stand-ins for the Vivado commands Spindle's scripts and XDC files use, for running them under plain tclsh:
#   tclsh vivado_stub.tcl LOG SCRIPT [ARG...]
# Each call is appended to LOG as one JSON array ["command", "arg", ...]; then SCRIPT runs with argv = ARGs.
# Commands that Vivado would answer return what a successful run would (version, IP definition, slack); the
# environment variables SPINDLE_STUB_VERSION, SPINDLE_STUB_WNS and SPINDLE_STUB_WHS change those answers.
# Any other command is an error naming it, so a script cannot use a command this file does not know.
# A write_* command creates its output file (empty); read_verilog and read_xdc fail on a missing file.

set spindle_stub_log [open [lindex $argv 0] w]
set spindle_stub_script [lindex $argv 1]
set argv [lrange $argv 2 end]
set argc [llength $argv]

proc spindle_stub_json {s} {
    set map [list \\ \\\\ \" \\\" \n \\n \r \\r \t \\t]
    return "\"[string map $map $s]\""
}
proc spindle_stub_record {cmd args} {
    set items [list [spindle_stub_json $cmd]]
    foreach a $args { lappend items [spindle_stub_json $a] }
    puts $::spindle_stub_log "\[[join $items ,]\]"
    flush $::spindle_stub_log
}
proc spindle_stub_env {name default} {
    if {[info exists ::env($name)]} { return $::env($name) }
    return $default
}
proc spindle_stub_option {args name default} {
    set i [lsearch -exact $args $name]
    if {$i < 0} { return $default }
    return [lindex $args [expr {$i + 1}]]
}
proc spindle_stub_touch {file} {
    file mkdir [file dirname $file]
    close [open $file w]
}

# Properties set on objects, so that get_property reads back what set_property wrote.
array set spindle_stub_props {}

proc version {args} {
    spindle_stub_record version {*}$args
    return [spindle_stub_env SPINDLE_STUB_VERSION 2024.2]
}
foreach cmd {create_project set_part generate_target synth_ip opt_design place_design phys_opt_design route_design
             report_timing_summary report_route_status set_false_path set_input_delay set_output_delay
             open_hw_manager connect_hw_server open_hw_target close_hw_target refresh_hw_device program_hw_devices
             create_hw_cfgmem program_hw_cfgmem boot_hw_device create_hw_bitstream synth_design} {
    proc $cmd {args} "spindle_stub_record $cmd {*}\$args"
}
proc current_project {args} { spindle_stub_record current_project {*}$args; return project }
proc current_design {args} { spindle_stub_record current_design {*}$args; return design }
proc current_hw_device {args} { spindle_stub_record current_hw_device {*}$args; return [lindex $args end] }
proc get_ips {args} { spindle_stub_record get_ips {*}$args; return [lindex $args end] }
proc get_cells {args} { spindle_stub_record get_cells {*}$args; return [lindex $args end] }
proc get_hw_targets {args} { spindle_stub_record get_hw_targets {*}$args; return [list localhost:3121/xilinx_tcf/Digilent/STUB0001] }
proc get_hw_devices {args} {
    spindle_stub_record get_hw_devices {*}$args
    set pattern [lindex $args end]
    if {$pattern eq ""} { return [list stub_device_0] }
    return [list [string map {* _0} $pattern]]
}
proc get_cfgmem_parts {args} { spindle_stub_record get_cfgmem_parts {*}$args; return [lindex $args end] }
proc get_ports {args} {
    spindle_stub_record get_ports {*}$args
    set ports {}
    foreach p [lindex $args end] { lappend ports port:$p }
    return $ports
}
proc create_clock {args} { spindle_stub_record create_clock {*}$args }
proc create_ip {args} {
    spindle_stub_record create_ip {*}$args
    set module [spindle_stub_option $args -module_name ""]
    set ::spindle_stub_props($module,IPDEF) [join [list [spindle_stub_option $args -vendor ""] [spindle_stub_option $args -library ""] \
        [spindle_stub_option $args -name ""] [spindle_stub_option $args -version ""]] :]
}
proc set_property {args} {
    spindle_stub_record set_property {*}$args
    set rest $args
    if {[lindex $rest 0] eq "-dict"} {
        set pairs [lindex $rest 1]
        set objects [lindex $rest 2]
    } else {
        set pairs [lrange $rest 0 1]
        set objects [lindex $rest 2]
    }
    foreach o $objects { foreach {k v} $pairs { set ::spindle_stub_props($o,$k) $v } }
}
proc get_property {args} {
    spindle_stub_record get_property {*}$args
    lassign $args name object
    if {$name eq "SLACK"} {
        if {$object eq "path:min"} { return [spindle_stub_env SPINDLE_STUB_WHS 0.010] }
        return [spindle_stub_env SPINDLE_STUB_WNS 0.100]
    }
    if {$name eq "PROGRAM.HW_CFGMEM"} { return cfgmem:$object }
    if {$name eq "PROGRAM.HW_CFGMEM_BITFILE"} { return cfgmem_bitfile:$object }
    if {[info exists ::spindle_stub_props($object,$name)]} { return $::spindle_stub_props($object,$name) }
    error "stub: get_property $name $object: nothing set it"
}
proc get_timing_paths {args} {
    spindle_stub_record get_timing_paths {*}$args
    return [list path:[spindle_stub_option $args -delay_type max]]
}
foreach cmd {read_verilog read_xdc} {
    proc $cmd {args} [string map [list CMD $cmd] {
        spindle_stub_record CMD {*}$args
        set file [lindex $args end]
        if {![file exists $file]} { error "CMD: file $file does not exist" }
    }]
}
proc report_utilization {args} {
    spindle_stub_record report_utilization {*}$args
    spindle_stub_touch [spindle_stub_option $args -file /dev/null]
}
proc write_checkpoint {args} { spindle_stub_record write_checkpoint {*}$args; spindle_stub_touch [lindex $args end] }
proc write_bitstream {args} { spindle_stub_record write_bitstream {*}$args; spindle_stub_touch [lindex $args end] }
proc write_cfgmem {args} {
    spindle_stub_record write_cfgmem {*}$args
    set base [file rootname [spindle_stub_option $args -file ""]]
    set names [expr {[spindle_stub_option $args -interface ""] eq "SPIx8" ? {_primary _secondary} : {{}}}]
    foreach n $names { spindle_stub_touch $base$n.mcs; spindle_stub_touch $base$n.prm }
}
proc unknown {args} {
    spindle_stub_record unknown {*}$args
    error "stub: [lindex $args 0] is not a Vivado command the stub knows (scripts/vivado/stub/vivado_stub.tcl)"
}

set argv0 $spindle_stub_script
source $spindle_stub_script
close $spindle_stub_log

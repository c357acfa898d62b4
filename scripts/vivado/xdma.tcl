# Creates and configures the XDMA IP ("DMA/Bridge Subsystem for PCI Express", PG195) in the current project.
# config is a flat list of key value pairs without the CONFIG. prefix, in the order they are set.

proc spindle_create_xdma {dir vlnv module config} {
    lassign [split $vlnv :] vendor library name version
    create_ip -name $name -vendor $vendor -library $library -version $version -module_name $module -dir $dir -force
    set ip [get_ips $module]
    set def [get_property IPDEF $ip]
    if {$def ne $vlnv} {
        error "spindle: Vivado created $def, the scripts are written for $vlnv"
    }
    set dict {}
    foreach {key value} $config {
        lappend dict CONFIG.$key $value
    }
    set_property -dict $dict $ip
    # The IP may quietly adjust a dependent value: read every key back so the build never runs on a guess.
    foreach {key value} $config {
        set now [get_property CONFIG.$key $ip]
        if {![string equal -nocase $now $value]} {
            error "spindle: XDMA IP CONFIG.$key is $now after setting it to $value (not valid on this part or with these settings?)"
        }
    }
    generate_target {synthesis instantiation_template} $ip
    synth_ip $ip
    return $ip
}

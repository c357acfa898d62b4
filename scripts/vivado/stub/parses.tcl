# tclsh parses.tcl FILE...: fails naming the first file that is not complete Tcl (an unclosed brace, bracket or quote).
foreach file $argv {
    set f [open $file]
    set s [read $f]
    close $f
    if {![info complete $s]} {
        puts "$file: incomplete Tcl: an unclosed brace, bracket or quote"
        exit 1
    }
}

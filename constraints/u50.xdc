# Xilinx Alveo U50 (xcu50-fsvh2104-2-e): pins of the spindle_xdma_top ports, for spindle deploy --board u50.
# Untested on hardware. Sources: XilinxBoardStore au50/production/1.0 part0_pins.xml; corundum fpga/mqnic/Alveo/fpga_100g/fpga_au50.xdc (as read for deploy-facts.md; not re-read here)
# GT lanes (pci_exp_txp/txn/rxp/rxn) take no constraint here: the XDMA IP places them (select_quad).

# PCIe reference clock, 100 MHz from the slot (MGTREFCLK0_225). A GT pin: PACKAGE_PIN only, no IOSTANDARD.
set_property PACKAGE_PIN AF9 [get_ports pcie_refclk_p]
set_property PACKAGE_PIN AF8 [get_ports pcie_refclk_n]
create_clock -period 10.000 -name pcie_refclk [get_ports pcie_refclk_p]

# PERST# from the slot, active low; asynchronous to every clock.
set_property PACKAGE_PIN AW27 [get_ports pcie_perst_n]
set_property IOSTANDARD LVCMOS18 [get_ports pcie_perst_n]
set_property PULLUP true [get_ports pcie_perst_n]
set_false_path -from [get_ports pcie_perst_n]

# Configuration: bank 0 voltage and the flash the bitstream boots from.
set_property CFGBVS GND [current_design]
set_property CONFIG_VOLTAGE 1.8 [current_design]
set_property BITSTREAM.GENERAL.COMPRESS true [current_design]
set_property BITSTREAM.CONFIG.SPI_BUSWIDTH 4 [current_design]
set_property BITSTREAM.CONFIG.CONFIGRATE 63.8 [current_design]
set_property BITSTREAM.CONFIG.EXTMASTERCCLK_EN DISABLE [current_design]
set_property BITSTREAM.CONFIG.SPI_32BIT_ADDR YES [current_design]
set_property BITSTREAM.CONFIG.SPI_FALL_EDGE YES [current_design]
set_property BITSTREAM.CONFIG.UNUSEDPIN PULLUP [current_design]

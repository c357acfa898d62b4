# Xilinx Alveo U250 (xcu250-figd2104-2L-e): pins of the spindle_xdma_top ports, for spindle deploy --board u250.
# Untested on hardware. Sources: corundum fpga/mqnic/Alveo/fpga_100g/fpga_au200.xdc (AU200/AU250); XilinxBoardStore au250/1.3
# GT lanes (pci_exp_txp/txn/rxp/rxn) take no constraint here: the XDMA IP places them (select_quad).

# PCIe reference clock, 100 MHz from the slot (MGTREFCLK0_226). A GT pin: PACKAGE_PIN only, no IOSTANDARD.
set_property PACKAGE_PIN AM11 [get_ports pcie_refclk_p]
set_property PACKAGE_PIN AM10 [get_ports pcie_refclk_n]
create_clock -period 10.000 -name pcie_refclk [get_ports pcie_refclk_p]

# PERST# from the slot, active low; asynchronous to every clock.
set_property PACKAGE_PIN BD21 [get_ports pcie_perst_n]
set_property IOSTANDARD LVCMOS12 [get_ports pcie_perst_n]
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

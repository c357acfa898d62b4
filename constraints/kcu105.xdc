# Xilinx KCU105 (xcku040-ffva1156-2-e): pins of the spindle_xdma_top ports, for spindle deploy --board kcu105.
# Untested on hardware. Sources: fpganinja/taxi src/eth/example/KCU105/fpga/syn/pcie.xdc; XilinxBoardStore kcu105/1.7
# GT lanes (pci_exp_txp/txn/rxp/rxn) take no constraint here: the XDMA IP places them (select_quad).

# PCIe reference clock, 100 MHz from the slot (MGTREFCLK0_225). A GT pin: PACKAGE_PIN only, no IOSTANDARD.
set_property PACKAGE_PIN AB6 [get_ports pcie_refclk_p]
set_property PACKAGE_PIN AB5 [get_ports pcie_refclk_n]
create_clock -period 10.000 -name pcie_refclk [get_ports pcie_refclk_p]

# PERST# from the slot, active low; asynchronous to every clock.
set_property PACKAGE_PIN K22 [get_ports pcie_perst_n]
set_property IOSTANDARD LVCMOS18 [get_ports pcie_perst_n]
set_property PULLUP true [get_ports pcie_perst_n]
set_false_path -from [get_ports pcie_perst_n]

# Configuration: bank 0 voltage and the flash the bitstream boots from.
set_property CFGBVS GND [current_design]
set_property CONFIG_VOLTAGE 1.8 [current_design]
set_property BITSTREAM.GENERAL.COMPRESS true [current_design]
set_property BITSTREAM.CONFIG.SPI_BUSWIDTH 8 [current_design]
set_property BITSTREAM.CONFIG.SPI_32BIT_ADDR YES [current_design]
set_property BITSTREAM.CONFIG.SPI_FALL_EDGE YES [current_design]

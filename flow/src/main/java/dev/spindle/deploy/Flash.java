package dev.spindle.deploy;

/**
 * The configuration flash of a board, for {@code write_cfgmem} and the hardware manager's
 * {@code create_hw_cfgmem}.
 *
 * @param iface      {@code write_cfgmem -interface}: SPIx8 (two QSPI devices, two .mcs files) or SPIx4
 * @param sizeMiB    {@code write_cfgmem -size}, in MB
 * @param address    where the bitstream goes ({@code -loadbit "up ADDRESS file.bit"}); on Alveo cards 0x01002000
 *                   keeps the golden image at 0
 * @param part       the flash part name Vivado's hardware manager knows
 */
public record Flash(String iface, int sizeMiB, String address, String part) {}

# Bare-metal ARMv6-M (Cortex-M0+ code: no CLZ instruction, no hardware
# divide, no unaligned access) run on QEMU's mps2-an385 board, whose
# Cortex-M3 executes the ARMv6-M instruction set. QEMU has no MPS2 board with
# an M0+, so this proves the code paths (software count-leading-zeros), not
# the M0+'s timing.
set(CAPHEAP_MPS2_CPU "-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft")
set(CAPHEAP_MPS2_BOARD mps2-an385)
include(${CMAKE_CURRENT_LIST_DIR}/mps2-common.cmake)

# Bare-metal Cortex-M7 (double-precision FPU, fpv5-d16) on QEMU's mps2-an500
# board, whose PSRAM sits at 0x60000000 (tests/targets/mps2/mps2-an500.ld).
set(CAPHEAP_MPS2_CPU "-mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16")
set(CAPHEAP_MPS2_BOARD mps2-an500)
include(${CMAKE_CURRENT_LIST_DIR}/mps2-common.cmake)

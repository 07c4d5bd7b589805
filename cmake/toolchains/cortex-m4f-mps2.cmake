# Bare-metal Cortex-M4F (hard float) on QEMU's mps2-an386 board.
set(CAPHEAP_MPS2_CPU "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
set(CAPHEAP_MPS2_BOARD mps2-an386)
include(${CMAKE_CURRENT_LIST_DIR}/mps2-common.cmake)

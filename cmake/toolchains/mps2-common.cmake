# Shared part of the bare-metal Cortex-M toolchain files for QEMU's MPS2
# boards (included by cortex-*-mps2.cmake after they set CAPHEAP_MPS2_CPU
# flags and CAPHEAP_MPS2_BOARD: mps2-an385, mps2-an386 or mps2-an500). newlib with semihosting (rdimon.specs)
# gives stdio and exit codes; tests/targets/mps2 has the vector table, the
# FPU enable and the linker script. Only the POSIX-free test groups build
# here (CAPHEAP_BARE_METAL, see docs/README.md).
# Debian: gcc-arm-none-eabi, libnewlib-arm-none-eabi, qemu-system-arm.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

get_filename_component(_mps2 ${CMAKE_CURRENT_LIST_DIR}/../../tests/targets/mps2 ABSOLUTE)
set(CMAKE_C_FLAGS_INIT "${CAPHEAP_MPS2_CPU} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${CAPHEAP_MPS2_CPU} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${CAPHEAP_MPS2_CPU}")
# mps2-an385 and -an386 share a memory map (mps2.ld); mps2-an500 has its
# PSRAM elsewhere (mps2-an500.ld). Both include mps2-sections.ld (-L).
if(CAPHEAP_MPS2_BOARD STREQUAL "mps2-an500")
  set(_ld mps2-an500.ld)
else()
  set(_ld mps2.ld)
endif()
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "--specs=rdimon.specs -L${_mps2} -T${_ld} -Wl,--gc-sections")

set(CAPHEAP_BARE_METAL ON CACHE BOOL "" FORCE)
set(CAPHEAP_BARE_METAL_STARTUP ${_mps2}/startup.c CACHE STRING "" FORCE)
set(CAPHEAP_BUILD_SHARED OFF CACHE BOOL "" FORCE)
set(CAPHEAP_BUILD_TOOLS OFF CACHE BOOL "" FORCE)
# The board, for tests and examples that use its RAMs (tests/board).
set(CAPHEAP_MPS2_BOARD ${CAPHEAP_MPS2_BOARD} CACHE STRING "" FORCE)

find_program(CAPHEAP_QEMU_ARM qemu-system-arm REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR
    ${CAPHEAP_QEMU_ARM};-M;${CAPHEAP_MPS2_BOARD};-nographic;-monitor;none;-serial;none;
    -semihosting-config;enable=on,target=native;-kernel)

# Bare-metal Cortex-M4F on QEMU's mps2-an386 board (Debian: gcc-arm-none-eabi,
# libnewlib-arm-none-eabi, qemu-system-arm). newlib with semihosting
# (rdimon.specs) gives stdio and exit codes; tests/targets/mps2 has the
# vector table, FPU enable and linker script. Only the POSIX-free test
# groups build here (CAPHEAP_BARE_METAL, see docs/README.md).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(_mps2 ${CMAKE_CURRENT_LIST_DIR}/../../tests/targets/mps2)
get_filename_component(_mps2 ${_mps2} ABSOLUTE)
set(_cpu "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
set(CMAKE_C_FLAGS_INIT "${_cpu} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_cpu} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${_cpu}")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "--specs=rdimon.specs -T${_mps2}/mps2-an386.ld -Wl,--gc-sections")

set(CAPHEAP_BARE_METAL ON CACHE BOOL "" FORCE)
set(CAPHEAP_BARE_METAL_STARTUP ${_mps2}/startup.c CACHE STRING "" FORCE)
set(CAPHEAP_BUILD_SHARED OFF CACHE BOOL "" FORCE)
set(CAPHEAP_BUILD_TOOLS OFF CACHE BOOL "" FORCE)

find_program(CAPHEAP_QEMU_ARM qemu-system-arm REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR
    ${CAPHEAP_QEMU_ARM};-M;mps2-an386;-nographic;-monitor;none;-serial;none;
    -semihosting-config;enable=on,target=native;-kernel)

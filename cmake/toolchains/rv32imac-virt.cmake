# Bare-metal RV32IMAC on QEMU's riscv32 "virt" board with picolibc and
# semihosting (Debian: gcc-riscv64-unknown-elf, picolibc-riscv64-unknown-elf,
# qemu-system-misc). picolibc's semihosting crt0 gives stdio, the exit
# status and a register dump on a fault; its linker script places code at
# 0x80000000 (4 MiB) and data, heap and stack above (124 MiB of the board's
# default 128 MiB). Debian has no C++ library for this target, so C++
# targets are left out of the build (CAPHEAP_CXX_STDLIB=OFF).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_CXX_COMPILER riscv64-unknown-elf-g++)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(_arch "-march=rv32imac -mabi=ilp32 --specs=picolibc.specs")
set(CMAKE_C_FLAGS_INIT "${_arch} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_arch} -ffunction-sections -fdata-sections")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "--oslib=semihost --crt0=semihost -Wl,--gc-sections \
-Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x400000 \
-Wl,--defsym=__ram=0x80400000 -Wl,--defsym=__ram_size=0x7c00000")

set(CAPHEAP_BARE_METAL ON CACHE BOOL "" FORCE)
set(CAPHEAP_CXX_STDLIB OFF CACHE BOOL "" FORCE)
set(CAPHEAP_BUILD_SHARED OFF CACHE BOOL "" FORCE)
set(CAPHEAP_BUILD_TOOLS OFF CACHE BOOL "" FORCE)

find_program(CAPHEAP_QEMU_RISCV32 qemu-system-riscv32 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR
    ${CAPHEAP_QEMU_RISCV32};-M;virt;-bios;none;-nographic;-monitor;none;-serial;none;
    -semihosting-config;enable=on,target=native;-kernel)

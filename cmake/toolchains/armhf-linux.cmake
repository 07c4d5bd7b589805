# 32-bit Arm Linux, hard float (Debian armhf: gcc-arm-linux-gnueabihf,
# g++-arm-linux-gnueabihf, qemu-user). Tests run under qemu-arm with the
# cross sysroot's dynamic loader and libc.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR armv7l)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)
# glibc's backtrace() on Arm follows the EHABI unwind tables, which gcc emits
# for C code only with -funwind-tables: without them
# capheap_port_backtrace() finds no frame (trace records and owner reports
# then carry no call stack). A firmware or application build that wants
# call stacks needs the same flag.
set(CMAKE_C_FLAGS_INIT "-funwind-tables")
set(CMAKE_CXX_FLAGS_INIT "-funwind-tables")
set(CMAKE_FIND_ROOT_PATH /usr/arm-linux-gnueabihf)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
find_program(CAPHEAP_QEMU_ARM_USER qemu-arm REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${CAPHEAP_QEMU_ARM_USER};-L;/usr/arm-linux-gnueabihf)

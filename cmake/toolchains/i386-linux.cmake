# 32-bit x86 Linux: the host compiler with -m32 (Debian: lib32gcc-12-dev,
# lib32stdc++-12-dev, libc6-dev-i386; not gcc-multilib, which conflicts with
# the cross compilers). Tests run under qemu-i386, so a kernel without IA-32
# emulation runs them too.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR i686)
set(CMAKE_C_COMPILER gcc)
set(CMAKE_CXX_COMPILER g++)
set(CMAKE_C_FLAGS_INIT "-m32")
set(CMAKE_CXX_FLAGS_INIT "-m32")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-m32")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-m32")
find_program(CAPHEAP_QEMU_I386 qemu-i386 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${CAPHEAP_QEMU_I386})

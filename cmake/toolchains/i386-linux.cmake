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
# <errno.h> needs <asm/errno.h>, which Debian gives -m32 builds only through
# gcc-multilib's /usr/include/asm link (a package that conflicts with the cross
# compilers): the same link, in the build tree, to the amd64 kernel headers'
# asm directory (its x86 headers serve both word sizes).
set(_capheap_asm ${CMAKE_BINARY_DIR}/i386-asm)
if(NOT EXISTS ${_capheap_asm}/asm AND EXISTS /usr/include/x86_64-linux-gnu/asm)
  file(MAKE_DIRECTORY ${_capheap_asm})
  file(CREATE_LINK /usr/include/x86_64-linux-gnu/asm ${_capheap_asm}/asm SYMBOLIC)
endif()
set(CMAKE_C_FLAGS_INIT "${CMAKE_C_FLAGS_INIT} -idirafter ${_capheap_asm}")
set(CMAKE_CXX_FLAGS_INIT "${CMAKE_CXX_FLAGS_INIT} -idirafter ${_capheap_asm}")

# The library's portable sources (no vendor API, no host-only extra), for the
# build systems that do not run this project's CMake: the ESP-IDF component
# (cmake/espidf_component.cmake), the Zephyr module (zephyr/CMakeLists.txt).
# PlatformIO's library.json names the same set with its srcFilter (without
# tracing). Every src/<layer> and chips/ file is taken, so a new layer joins
# by itself; test-only files are left out, and the tracing layer
# (src/debug/trace*.c) comes only when `tracing` is true, as in
# src/debug/CMakeLists.txt. tests/packaging checks that the lists agree with
# the library's and build with arm-none-eabi-gcc.
function(capheap_portable_sources out root tracing)
  file(GLOB _srcs ${root}/src/*/*.c ${root}/chips/*.c)
  list(FILTER _srcs EXCLUDE REGEX "/src/util/fault\\.c$")
  if(NOT tracing)
    list(FILTER _srcs EXCLUDE REGEX "/src/debug/trace[^/]*\\.c$")
  endif()
  list(SORT _srcs)
  set(${out} ${_srcs} PARENT_SCOPE)
endfunction()

# Private include directories those sources need (src/debug's poison.h is
# included by name from src/caps and compat/espidf): the same directories
# the layers give `capheap` with target_include_directories(PRIVATE).
# tests/packaging compares this list with the library's.
set(CAPHEAP_PORTABLE_PRIVATE_INCLUDES src/debug)

# The library's portable sources (no vendor API, no host-only extra), for the
# build systems that do not run this project's CMake: the ESP-IDF component
# (cmake/espidf_component.cmake), the Zephyr module (zephyr/CMakeLists.txt).
# PlatformIO's library.json names the same set with its srcFilter. Every
# src/<layer> and chips/ file is taken, so a new layer joins by itself;
# test-only files are left out. tests/packaging checks the three lists agree
# and build with arm-none-eabi-gcc.
function(capheap_portable_sources out root)
  file(GLOB _srcs ${root}/src/*/*.c ${root}/chips/*.c)
  list(FILTER _srcs EXCLUDE REGEX "/src/util/fault\\.c$")
  list(SORT _srcs)
  set(${out} ${_srcs} PARENT_SCOPE)
endfunction()

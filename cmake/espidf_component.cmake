# ESP-IDF component (the root CMakeLists.txt includes this when ESP_PLATFORM
# is set, i.e. when idf.py builds this directory as a component; see
# idf_component.yml). Registers the portable sources: engine, layouts, chip
# tables, caps allocator and the layers under src/. The vendor APIs of
# compat/ are left out: inside ESP-IDF, heap_caps_*, pvPortMalloc and malloc
# are ESP-IDF's own. Options come from Kconfig (menu "capheap") through
# include/capheap/config_kconfig.h.
include(${CMAKE_CURRENT_LIST_DIR}/portable_sources.cmake)
capheap_portable_sources(_capheap_srcs ${CMAKE_CURRENT_LIST_DIR}/.. "${CONFIG_CAPHEAP_HEAP_TRACING}")
idf_component_register(SRCS ${_capheap_srcs} INCLUDE_DIRS include
  PRIV_INCLUDE_DIRS ${CAPHEAP_PORTABLE_PRIVATE_INCLUDES})
target_compile_definitions(${COMPONENT_LIB} PUBLIC
  "CAPHEAP_CONFIG_HEADER=\"capheap/config_kconfig.h\"" CAPHEAP_BARE_METAL=1)

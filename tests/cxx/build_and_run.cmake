# cmake -DBUILD_DIR=.. -DTARGET=.. -DPROGRAM=.. [-DEMULATOR=a;b] -P build_and_run.cmake
# Builds one target of a build tree, then runs the program it made (through
# the cross-compiling emulator when there is one). Fails if either fails.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${TARGET} failed")
endif()
execute_process(COMMAND ${EMULATOR} ${PROGRAM} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} failed (${rc})")
endif()

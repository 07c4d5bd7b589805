#!/usr/bin/env bash
# Test "emulator" of the valgrind matrix cell: runs one test under memcheck;
# any memory error or definite leak makes the test fail (exit 99).
exec valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite "$@"

/*
 * capheap for Arduino: the one header a sketch includes (library.properties
 * `includes`). It brings the public API of the portable library; each
 * header it includes states its functions' contracts.
 *
 *   capheap/heap.h    one heap in one contiguous region (the engine)
 *   capheap/chip.h    chip tables (memory types, regions, reserved ranges)
 *   capheap/caps.h    the capabilities allocator over a chip table
 *   capheap/debug.h   poisoning and integrity checks
 *   capheap/gc.h      the mark-sweep GC heap
 *   capheap/port.h    lock ports, owner hook, clock
 *
 * The vendor APIs (compat/: heap_caps_*, pvPortMalloc, ...) are not part of
 * the Arduino library: an Arduino core that has its own allocator API (the
 * ESP32 core's heap_caps_*) would clash with them.
 */
#ifndef CAPHEAP_ARDUINO_H
#define CAPHEAP_ARDUINO_H

#include "capheap/caps.h"
#include "capheap/chip.h"
#include "capheap/debug.h"
#include "capheap/gc.h"
#include "capheap/heap.h"
#include "capheap/layout.h"
#include "capheap/port.h"

#endif /* CAPHEAP_ARDUINO_H */

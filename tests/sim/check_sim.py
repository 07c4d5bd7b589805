#!/usr/bin/env python3
"""Tests of the capheap command-line simulator (tools/, docs/simulator.md).

    check_sim.py TOOL SOURCE_DIR WORK_DIR TEST [EMULATOR...]

Each TEST runs the tool on files of tests/sim/data or examples/workloads and
checks what a user relies on: exit codes, messages, the JSON figures, the
pictures. Exit status 0 = pass; a failure prints what differed."""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

TOOL, SRC, WORK, TEST = sys.argv[1:5]
EMU = [a for a in sys.argv[5:] if a]
DATA = os.path.join(SRC, "tests", "sim", "data")
WL = os.path.join(SRC, "examples", "workloads")
failures = 0


def run(*args, stdin=None):
    p = subprocess.run(EMU + [TOOL] + list(args), capture_output=True, text=True,
                       input=stdin, timeout=600)
    return p.returncode, p.stdout, p.stderr


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)
    return cond


def run_json(*args):
    rc, out, err = run(*args, "--json")
    try:
        return rc, json.loads(out), err
    except ValueError:
        check(False, "output of %s is not JSON: %s %s" % (args, out[:500], err[:500]))
        sys.exit(1)


def t_chips():
    rc, out, _ = run("chips")
    check(rc == 0, "chips exits 0")
    names = [l.split()[0] for l in out.splitlines()]
    check(names[:6] == ["esp32", "esp32s3", "esp32c3", "w800", "stm32h743", "generic"],
          "chips lists the chip tables in order: %s" % names)
    check(len(set(names)) == len(names) and all(len(l.split()) > 1 for l in out.splitlines()),
          "one line per chip, name and description")
    table = open(os.path.join(SRC, "chips", "chip_list.c")).read()
    check(len(names) == len(re.findall(r"&capheap_chip_\w+,", table)),
          "as many chips as chips/chip_list.c has: %s" % names)


ESP32_SUMMARY = """I (0) heap_init: Initializing. RAM available for dynamic allocation:
I (0) heap_init: At 3FFAE6E0 len 00001920 (6 KiB): DRAM
I (0) heap_init: At 3FFB2EC8 len 0002D138 (180 KiB): DRAM
I (0) heap_init: At 3FFE0440 len 00003AE0 (14 KiB): D/IRAM
I (0) heap_init: At 3FFE4350 len 0001BCB0 (111 KiB): D/IRAM
I (0) heap_init: At 4008944C len 00016BB4 (90 KiB): IRAM
"""


def t_layout():
    rc, out, _ = run("layout", "esp32")
    check(rc == 0, "layout esp32 exits 0")
    check(ESP32_SUMMARY in out, "layout esp32 prints ESP-IDF's start-up summary:\n" + out)
    check(re.search(r"DRAM\s+8BIT\|DEFAULT\s+32BIT\|DMA\|INTERNAL", out) is not None,
          "layout esp32 prints the capability table")
    _, chips, _ = run("chips")
    for chip in [l.split()[0] for l in chips.splitlines()]:
        rc, out, _ = run("layout", chip)
        check(rc == 0 and "heap_init: At " in out, "layout %s prints its heaps" % chip)


def elf32(sections):
    """A little-endian ELF32 file with the given (name, addr, size, flags)
    sections (SHT_NOBITS: no file bytes needed)."""
    import struct
    names = b"\0" + b"\0".join(n.encode() for n, _, _, _ in sections) + b"\0.shstrtab\0"
    shoff = 52 + len(names)
    hdr = struct.pack("<4sBBBB8xHHIIIIIHHHHHH", b"\x7fELF", 1, 1, 1, 0, 2, 94, 1, 0, 0,
                      shoff, 0, 52, 0, 0, 40, len(sections) + 2, len(sections) + 1)
    sh = struct.pack("<10I", *([0] * 10))
    off = 1
    for n, addr, size, flags in sections:
        sh += struct.pack("<10I", off, 8, flags, addr, 0, size, 0, 0, 4, 0)
        off += len(n) + 1
    sh += struct.pack("<10I", off, 3, 0, 0, 52, len(names), 0, 0, 1, 0)
    return hdr + names + sh


def elf64_be(sections):
    """A big-endian ELF64 file with the given (addr, size, flags) sections
    (no names: the reader looks at flags, address and size only)."""
    import struct
    hdr = struct.pack(">4sBBBB8xHHIQQQIHHHHHH", b"\x7fELF", 2, 2, 1, 0, 2, 62, 1, 0, 0, 64, 0,
                      64, 0, 0, 64, len(sections) + 1, 0)
    sh = struct.pack(">IIQQQQIIQQ", *([0] * 10))
    for addr, size, flags in sections:
        sh += struct.pack(">IIQQQQIIQQ", 0, 8, flags, addr, 0, size, 0, 0, 4, 0)
    return hdr + sh


def t_layout_static():
    rc, out, _ = run("layout", "esp32", "--static-dram", "64K")
    check(rc == 0 and "At 3FFC0000 len 00020000 (128 KiB): DRAM" in out,
          "--static-dram 64K moves the DRAM heap to 0x3FFC0000:\n" + out)
    rc, out, err = run("layout", "esp32", "--static-dram", str(160 * 1024 + 1))
    check(rc == 4 and "at most 163840" in err,
          "more than 160 KiB of static DRAM is refused on the ESP32 (rc %d): %s" % (rc, err))
    rc, out, err = run("layout", "w800", "--static-dram", "200000")
    check(rc == 4 and "200000" in err, "w800 refuses static data beyond its SRAM: " + err)
    # an ELF: .dram0.data + .dram0.bss end at 0x3FFB0000 + 0x9000 + 0x1004,
    # IRAM code at 0x40080000..0x4008A000
    path = os.path.join(WORK, "fw.elf")
    with open(path, "wb") as f:
        f.write(elf32([(".dram0.data", 0x3FFB0000, 0x9000, 3),
                       (".dram0.bss", 0x3FFB9000, 0x1004, 3),
                       (".iram0.text", 0x40080000, 0xA000, 6),
                       (".flash.text", 0x400D0020, 0x40000, 6),
                       (".debug_info", 0, 0x1000, 0)]))
    rc, out, err = run("layout", "esp32", "--elf", path)
    check(rc == 0, "layout --elf works: " + err)
    check("At 3FFBA008 len 00025FF8 (151 KiB): DRAM" in out,
          "--elf: the DRAM heap starts after .bss (8-byte aligned):\n" + out)
    check("At 4008A000 len 00016000 (88 KiB): IRAM" in out,
          "--elf: the IRAM heap starts after the IRAM code:\n" + out)
    # the application's static data also shapes the heaps a workload runs on
    _, small, _ = run_json("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"))
    rc, big, _ = run_json("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"),
                          "--static-dram", "150K")
    check(rc == 0 and big["end"]["INTERNAL"]["total"] < small["end"]["INTERNAL"]["total"] - 100000,
          "--static-dram 150K leaves less internal RAM to the workload")
    rc, same, _ = run_json("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"), "--elf", path)
    check(rc == 0 and same["end"]["INTERNAL"]["total"] < small["end"]["INTERNAL"]["total"],
          "--elf applies to run too")
    with open(path, "wb") as f:
        f.write(elf32([(".dram0.bss", 0x3FFB0000, 200 * 1024, 3)]))
    rc, out, err = run("layout", "esp32", "--elf", path)
    check(rc == 4 and "at most" in err, "--elf with 200 KiB of .bss is refused: " + err)
    with open(path, "wb") as f:
        f.write(b"not an elf file at all, sorry" * 4)
    rc, out, err = run("layout", "esp32", "--elf", path)
    check(rc == 3 and "not an ELF" in err, "a non-ELF file is an input error: " + err)
    # fuzz_parsers findings (tests/sim/fuzz/): a 64-bit header cut after
    # byte 52 was read past its end; a section whose end passes 2^64
    # wrapped to a small end and was ignored; a size within 7 of 2^64
    # rounded up to 0 and was accepted
    with open(path, "wb") as f:
        f.write(elf64_be([(0x3FFB0000, 0x100, 3)])[:56])
    rc, out, err = run("layout", "esp32", "--elf", path)
    check(rc == 3 and "ELF header truncated" in err, "a cut ELF64 header is an input error: " + err)
    with open(path, "wb") as f:
        f.write(elf64_be([(0x3FFB0000, 0x100, 3)]))
    rc, out, err = run("layout", "esp32", "--elf", path)
    check(rc == 0 and "At 3FFB0100 " in out, "--elf reads a big-endian ELF64: " + out + err)
    with open(path, "wb") as f:
        f.write(elf64_be([(0x3FFB0000, 0x100, 3), (0x3FFB0200, 2**64 - 0x1000, 3)]))
    rc, out, err = run("layout", "esp32", "--elf", path)
    check(rc == 4 and "at most" in err, "--elf: a section past 2^64 is refused: %d %s" % (rc, err))
    rc, out, err = run("layout", "esp32", "--static-dram", str(2**64 - 1))
    check(rc == 4 and "at most" in err, "--static-dram 2^64-1 is refused: %d %s" % (rc, err))


def t_errors():
    rc, _, err = run("layout", "esp33")
    check(rc == 2 and "unknown chip 'esp33'" in err and "esp32, esp32s3" in err,
          "unknown chip lists the known ones (rc %d): %s" % (rc, err))
    rc, _, err = run("frobnicate")
    check(rc == 2 and "unknown command" in err, "unknown command: " + err)
    rc, _, err = run("run", "esp32", os.path.join(DATA, "basic.wl"), "--frobnicate")
    check(rc == 2 and "unknown option '--frobnicate'" in err, "unknown option: " + err)
    bad = os.path.join(DATA, "bad.wl")
    rc, _, err = run("run", "generic", bad)
    check(rc == 3 and (bad + ":3: SIZE must be a number") in err and "'ten'" in err,
          "a bad line names file, line and what was expected (rc %d): %s" % (rc, err))
    rc, _, err = run("run", "generic", os.path.join(DATA, "missing.wl"))
    check(rc == 3 and "cannot read" in err, "missing file: " + err)
    for text, want in [("frob a 1\n", "unknown operation 'frob'"),
                       ("alloc a 10 DMA|NOPE\n", "expected capabilities"),
                       ("alloc a 10 align 3\n", "power of two"),
                       ("free\n", "expected: free ID"),
                       ("calloc a 3\n", "expected COUNT SIZE")]:
        path = os.path.join(WORK, "err.wl")
        with open(path, "w") as f:
            f.write("# comment\n\n" + text)
        rc, _, err = run("run", "generic", path)
        check(rc == 3 and (path + ":3: ") in err and want in err,
              "bad line %r: rc %d, %s" % (text, rc, err))
    path = os.path.join(WORK, "twice.wl")
    with open(path, "w") as f:
        f.write("alloc a 10\nalloc a 10\nfree b\n")
    rc, out, err = run("run", "generic", path)
    check(rc == 1 and ":2: 'a' is already allocated" in err and ":3: 'b' is not allocated" in err,
          "misuse of ids is reported with its line (rc %d): %s" % (rc, err))


def t_run():
    rc, j, err = run_json("run", "generic", os.path.join(DATA, "basic.wl"))
    check(rc == 1, "failed requests give exit code 1 (got %d)" % rc)
    reasons = {f["id"]: (f["reason"], f["phase"]) for f in j["failures"]}
    check(reasons.get("want8k") == ("fragmentation", "frag"), "fragmentation: %s" % reasons)
    check(reasons.get("psram") == ("no heap has these caps", "other"), "no caps: %s" % reasons)
    check(reasons.get("exec8", ("",))[0].startswith("refused"), "EXEC|8BIT refused: %s" % reasons)
    check(reasons.get("huge") == ("out of memory", "other"), "out of memory: %s" % reasons)
    check(len(j["failures"]) == 4, "exactly four failures: %s" % j["failures"])
    frag = [f for f in j["failures"] if f["id"] == "want8k"][0]
    check(frag["free"] >= 8000 and frag["largest"] < 8000,
          "fragmentation means free >= size > largest: %s" % frag)
    phases = [p["name"] for p in j["phases"]]
    check(phases == ["fill", "frag", "other"], "phases in order: %s" % phases)
    fill = j["phases"][0]["caps"]["DEFAULT"]
    check(fill["min_free"] < 262144 - 200 * 1024 and fill["free"] > 250000,
          "phase minimum sees the 200 KiB block freed within it: %s" % fill)
    ram = j["memory_types"]["RAM"]
    check(ram["peak"] >= 200 * 1024 and ram["peak"] < ram["total"],
          "peak usage per memory type: %s" % ram)
    h = j["heaps"][0]
    check(abs(h["fragmentation"] - (1 - h["largest"] / h["free"])) < 1e-3,
          "fragmentation = 1 - largest/free: %s" % h)
    check(j["counts"]["calloc"] == 1 and j["counts"]["realloc"] == 1 and j["checks"] == 1
          and j["checks_failed"] == 0, "calloc, realloc, check counted: %s" % j["counts"])
    rc, out, _ = run("run", "generic", os.path.join(DATA, "basic.wl"))
    check("basic.wl:104 alloc want8k 8000 malloc [phase frag]: fragmentation" in out,
          "text report names file:line, request and reason:\n" + out)
    check("Peak usage per memory type" in out and "fragmentation = 1 - largest / free" in out,
          "text report has the usage and fragmentation tables")


def t_extmem():
    path = os.path.join(WORK, "ext.wl")
    with open(path, "w") as f:
        f.write("region SPIRAM\nalloc small 1000\nalloc big 100K\n")
    rc, j, _ = run_json("run", "esp32", path, "--extmem", "16K")
    check(rc == 0, "extmem workload runs")
    check(j["memory_types"]["SPIRAM"]["peak"] >= 100 * 1024,
          "--extmem 16K sends a 100 KiB malloc to SPIRAM: %s" % j["memory_types"])
    check(j["memory_types"]["DRAM"]["peak"] < 100 * 1024, "and the small one inside")
    rc, j, _ = run_json("run", "esp32", path)
    check(j["memory_types"]["SPIRAM"]["peak"] == 0,
          "without --extmem plain malloc stays internal: %s" % j["memory_types"])


def t_workload_wifi():
    rc, j, err = run_json("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"))
    check(rc == 0 and not j["failures"], "the Wi-Fi workload succeeds (rc %d) %s" % (rc, err))
    ph = {p["name"]: p["caps"] for p in j["phases"]}
    spike = ph["wifi"]["INTERNAL"]["free"] - ph["handshake"]["INTERNAL"]["min_free"]
    check(spike > 40 * 1024, "the handshake spike is above 40 KiB: %d" % spike)
    check(ph["handshake"]["INTERNAL"]["free"] > ph["handshake"]["INTERNAL"]["min_free"],
          "memory comes back after the handshake")
    check(ph["app"]["DMA"]["largest"] >= 30000, "DMA memory left for buffers")
    check(j["memory_types"]["IRAM"]["peak"] >= 3 * 2048, "EXEC trampolines in IRAM")
    check(j["checks"] == 4 and j["checks_failed"] == 0, "integrity checks pass")


def t_workload_camera():
    rc, j, err = run_json("run", "esp32s3", os.path.join(WL, "esp32s3_camera.wl"))
    check(rc == 1 and len(j["failures"]) == 1, "one failure (rc %d): %s" % (rc, j["failures"]))
    f = j["failures"][0]
    check(f["id"] == "fb_internal" and f["reason"] == "out of memory" and f["phase"] == "overload",
          "the internal frame buffer fails for lack of memory: %s" % f)
    check(j["memory_types"]["SPIRAM"]["peak"] > 3 * 153600,
          "frame buffers live in PSRAM: %s" % j["memory_types"])
    internal = sum(v["peak"] for k, v in j["memory_types"].items() if k != "SPIRAM")
    check(internal < 100 * 1024, "descriptors and line buffers inside, small: %d" % internal)
    check(j["checks_failed"] == 0, "integrity checks pass")


def t_workload_w800():
    rc, j, err = run_json("run", "w800", os.path.join(WL, "w800_psram.wl"))
    check(rc == 1 and len(j["failures"]) == 1, "one failure (rc %d): %s" % (rc, j["failures"]))
    f = j["failures"][0]
    check(f["id"] == "early" and f["reason"] == "no heap has these caps" and f["phase"] == "boot",
          "the early SPIRAM request fails: no heap has the caps: %s" % f)
    check(j["memory_types"]["PSRAM"]["peak"] >= 64 * 1024 + 256 * 1024,
          "PSRAM used once added: %s" % j["memory_types"])
    check(j["checks_failed"] == 0, "integrity checks pass")


def t_workload_gc():
    rc, j, err = run_json("run", "esp32", os.path.join(WL, "esp32_micropython_gc.wl"))
    check(rc == 0 and not j["failures"], "the GC workload succeeds (rc %d) %s" % (rc, err))
    ph = {p["name"]: p for p in j["phases"]}
    check(ph["boot"]["gc"]["areas"] == 1, "one area at start: %s" % ph["boot"]["gc"])
    check(ph["script"]["gc"]["collections"] > 0, "collections free the script's garbage")
    check(ph["load"]["gc"]["areas"] > 2 and ph["load"]["gc"]["used"] >= 1200 * 256,
          "the heap grows new areas for the data set: %s" % ph["load"]["gc"])
    check(ph["release"]["caps"]["SPIRAM"]["free"] > ph["load"]["caps"]["SPIRAM"]["free"] + 256 * 1024,
          "empty areas go back to SPIRAM after the release")
    check(ph["release"]["gc"]["areas"] < ph["load"]["gc"]["areas"], "fewer areas after release")
    check(j["checks_failed"] == 0, "integrity checks pass")
    path = os.path.join(WORK, "gcbad.wl")
    with open(path, "w") as f:
        f.write("gc alloc x 10\n")
    rc, _, err = run("run", "esp32", path)
    check(rc == 1 and ":1: no GC heap" in err, "gc alloc without a GC heap: " + err)
    with open(path, "w") as f:
        f.write("gc create SPIRAM\n")
    rc, _, err = run("run", "esp32", path)
    check(rc == 3 and ":1: expected: gc create CAPS SIZE" in err, "bad gc line: " + err)
    with open(path, "w") as f:
        f.write("gc create INTERNAL 8K max 8K\ngc alloc a 4K\ngc alloc b 1M\n")
    rc, j, _ = run_json("run", "esp32", path)
    check(rc == 1 and [f["id"] for f in j["failures"]] == ["b"] and
          j["failures"][0]["reason"].startswith("GC heap full"),
          "a GC heap that cannot grow enough reports the failure: %s" % j["failures"])


def t_replay_espidf():
    rc, j, err = run_json("replay", "esp32", os.path.join(DATA, "espidf_dump.txt"))
    check(rc == 0, "replay of an ESP-IDF dump (rc %d): %s" % (rc, err))
    t = j["trace"]
    check(t == {"records": 5, "inferred_frees": 2, "freed_at_end": 1, "never_freed": 2,
                "skipped": 0}, "free times inferred as documented: %s" % t)
    check(j["counts"]["alloc"] == 5 and j["counts"]["free"] == 3, "ops: %s" % j["counts"])
    check(j["memory_types"]["SPIRAM"]["peak"] >= 100,
          "a block at a PSRAM address is replayed in SPIRAM: %s" % j["memory_types"])
    # the same dump on another chip
    rc, j, err = run_json("replay", "esp32s3", os.path.join(DATA, "espidf_dump.txt"))
    check(rc == 0 and j["chip"] == "esp32s3", "a dump replays on another chip: %s" % err)
    path = os.path.join(WORK, "badtrace.txt")
    with open(path, "w") as f:
        f.write("hello\n12 bytes (@ zz) allocated CPU 0\n")
    rc, _, err = run("replay", "esp32", path)
    check(rc == 3 and (path + ":2: expected an ESP-IDF heap trace record") in err,
          "bad dump line: " + err)
    with open(path, "w") as f:
        f.write("nothing here\n")
    rc, _, err = run("replay", "esp32", path)
    check(rc == 3 and "no heap trace records" in err, "empty dump: " + err)


def t_replay_capheap():
    rc, j, err = run_json("replay", "esp32", os.path.join(DATA, "capheap_trace.txt"))
    check(rc == 1, "the trace's last request fails (rc %d) %s" % (rc, err))
    check(j["counts"]["alloc"] == 3 and j["counts"]["realloc"] == 1 and j["counts"]["free"] == 1,
          "a/r/f records replayed: %s" % j["counts"])
    check(j["trace"]["skipped"] == 1, "the free of an untraced block is skipped")
    check([f["phase"] for f in j["failures"]] == ["run"] and
          j["failures"][0]["reason"] == "out of memory", "failure: %s" % j["failures"])
    check([p["name"] for p in j["phases"]][-2:] == ["init", "run"], "p records are phases")
    # the heap map coloured by the task that allocated each block
    m = os.path.join(WORK, "owner.svg")
    rc, out, err = run("replay", "esp32", os.path.join(DATA, "capheap_trace.txt"),
                       "--colour", "owner", "--map", m)
    root = svg_ok(m, "owner map")
    if root is not None:
        texts = " ".join("".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))
        check("owner 2" in texts and "coloured by the task" in texts and "owner 1" not in texts,
              "--colour owner: the live block of task 2 is in the legend: %s" % texts[-300:])
    rc, _, err = run("replay", "esp32", os.path.join(DATA, "capheap_trace.txt"), "--colour", "x")
    check(rc == 2 and "caps or owner" in err, "--colour x: " + err)
    # the example of docs/trace-format.md, as the tracer writes it
    path = os.path.join(WORK, "doc.trace")
    with open(path, "w") as f:
        f.write("capheap-trace 1\nchip esp32\n"
                "# mode all, 6 records, 6 allocations, 4 frees, 0 dropped\n"
                "a 10 0x3ffae6f0 100 0x1000 0 0x400d0100 0x400d0104 0x400d0108\n"
                "a 20 0x3ffae760 100 0x1000 7 0x400d0200 0x400d0204 0x400d0208\n"
                "r 60 0x3ffae760 0x3ffb2ee0 8000 0x1000 9 0x400d0600\n"
                "f 70 0x3ffae6f0\n")
    rc, j, err = run_json("replay", "w800", path)
    check(rc == 0 and j["counts"]["alloc"] == 2 and j["counts"]["realloc"] == 1 and
          j["counts"]["free"] == 1 and j["workload_errors"] == 0,
          "the documented example replays (on another chip) (rc %d): %s %s" % (rc, j["counts"], err))
    path = os.path.join(WORK, "bad.trace")
    with open(path, "w") as f:
        f.write("capheap-trace 1\na 10 0x100\n")
    rc, _, err = run("replay", "esp32", path)
    check(rc == 3 and (path + ":2: expected a capheap trace record") in err, "bad record: " + err)
    with open(path, "w") as f:
        f.write("capheap-trace 2\n")
    rc, _, err = run("replay", "esp32", path)
    check(rc == 3 and "unsupported capheap trace version" in err, "version: " + err)


def svg_ok(path, what):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        check(False, "%s is not well-formed XML: %s" % (what, e))
        return None
    check(root.tag == "{http://www.w3.org/2000/svg}svg", "%s is an SVG document" % what)
    return root


def t_pictures():
    m = os.path.join(WORK, "map.svg")
    t = os.path.join(WORK, "timeline.svg")
    h = os.path.join(WORK, "report.html")
    for p in (m, t, h):
        if os.path.exists(p):
            os.remove(p)
    rc, out, err = run("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"), "--map", m,
                       "--timeline", t, "--report", h)
    check(rc == 0, "run with pictures (rc %d) %s" % (rc, err))
    check(("heap map: " + m) in out and ("report: " + h) in out, "says where the pictures are")
    ns = "{http://www.w3.org/2000/svg}"
    root = svg_ok(m, "heap map")
    if root is not None:
        texts = " ".join("".join(e.itertext()) for e in root.iter(ns + "text"))
        for want in ["DRAM 0x3ffb2ec8", "IRAM 0x4008944c", "SPIRAM 0x3f800000", "Legend",
                     "largest free", "DMA", "EXEC", "malloc"]:
            check(want in texts, "heap map shows %r" % want)
        rects = [e for e in root.iter(ns + "rect") if e.get("fill") not in ("#ffffff", "none")]
        check(len(rects) > 100, "heap map draws the used blocks: %d" % len(rects))
        marked = [e for e in root.iter(ns + "rect") if e.get("stroke") == "#d62728"]
        check(len(marked) >= 6, "largest free block marked in each heap (+ legend): %d" % len(marked))
    root = svg_ok(t, "timeline")
    if root is not None:
        texts = " ".join("".join(e.itertext()) for e in root.iter(ns + "text"))
        for want in ["boot", "wifi", "handshake", "app", "INTERNAL", "DMA", "SPIRAM"]:
            check(want in texts, "timeline shows %r" % want)
        lines = list(root.iter(ns + "polyline"))
        check(len(lines) >= 3 * 5, "free/min/largest lines per caps: %d" % len(lines))
    with open(h, encoding="utf-8") as f:
        html = f.read()
    check(html.startswith("<!DOCTYPE html>") and html.count("<svg") == 2,
          "report bundles both pictures")
    check("http://" not in html.replace("http://www.w3.org/2000/svg", "")
          and "https://" not in html and "<script" not in html,
          "report is self-contained (no network, no script)")
    check("Failed requests: 0" in html and "<table>" in html, "report has the tables")


def t_chromium():
    import shutil
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not check(chromium is not None, "chromium is installed (scripts/deps.d/test.txt)"):
        return
    h = os.path.join(WORK, "chromium_report.html")
    rc, out, err = run("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"), "--report", h)
    check(rc == 0, "report written")
    png = os.path.join(WORK, "report.png")
    home = os.path.join(WORK, "chromium-home")
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--user-data-dir=" + os.path.join(home, "profile")]
    p = subprocess.run(base + ["--dump-dom", "file://" + h], capture_output=True, text=True,
                       timeout=300, env=env)
    check(p.returncode == 0, "chromium --dump-dom exits 0: %s" % p.stderr[-2000:])
    dom = p.stdout
    check("<svg" in dom and "Heap map" in dom and "Timeline" in dom,
          "chromium parsed the report and its SVGs")
    check("parsererror" not in dom and "This page contains the following errors" not in dom,
          "no XML/SVG parse error in the rendered page")
    p = subprocess.run(base + ["--screenshot=" + png, "--window-size=1100,3000", "file://" + h],
                       capture_output=True, text=True, timeout=300, env=env)
    check(p.returncode == 0 and os.path.exists(png) and os.path.getsize(png) > 10000,
          "chromium draws the report to a screenshot: %s" % p.stderr[-2000:])
    for svg in ("map", "timeline"):
        path = os.path.join(WORK, "chromium_%s.svg" % svg)
        run("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"), "--" + svg, path)
        p = subprocess.run(base + ["--dump-dom", "file://" + path], capture_output=True,
                           text=True, timeout=300, env=env)
        check(p.returncode == 0 and "parsererror" not in p.stdout and "<svg" in p.stdout,
              "chromium opens the %s SVG without errors" % svg)


def t_progress():
    import pty
    wl = os.path.join(WORK, "long.wl")
    subprocess.run([sys.executable, os.path.join(SRC, "tests", "sim", "gen_workload.py"),
                    "300000", "3"], stdout=open(wl, "w"), check=True)
    rc, out, _ = run("run", "esp32", wl)
    check(rc == 0 and "\r" not in out and "[####" not in out,
          "no progress bar when stdout is not a terminal")
    # on a terminal: the bar is drawn
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp((EMU + [TOOL])[0], EMU + [TOOL, "run", "esp32", wl])
    data = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    _, status = os.waitpid(pid, 0)
    text = data.decode(errors="replace")
    check(os.WEXITSTATUS(status) == 0, "long run on a terminal exits 0")
    check("\r[" in text and re.search(r"100% (\d+)/\1 ops", text) is not None,
          "progress bar drawn on a terminal: %r" % text[:300])


def t_poison():
    for level in ("light", "comprehensive", "none"):
        rc, j, err = run_json("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"),
                              "--poison", level)
        check(rc == 0 and j["poisoning"] == level,
              "--poison %s runs the %s build (rc %d): %s" % (level, level, rc, err))
    rc, _, err = run("run", "esp32", os.path.join(WL, "esp32_wifi_tls.wl"), "--poison", "heavy")
    check(rc == 2 and "none, light or comprehensive" in err, "bad level: " + err)


def t_million():
    wl = os.path.join(WORK, "million.wl")
    subprocess.run([sys.executable, os.path.join(SRC, "tests", "sim", "gen_workload.py"),
                    "1000000", "1"], stdout=open(wl, "w"), check=True)
    rc, j, err = run_json("run", "esp32", wl)
    check(rc == 0 and j["operations"] == 1000011 and not j["failures"],
          "a million operations replay without failures (rc %d) %s" % (rc, err[:300]))
    print("replayed %d operations in %.3f s: %.2f M ops/s (replay only; figures come from"
          " docs/simulator.md's measurement)" % (j["operations"], j["seconds"],
                                                  j["operations"] / j["seconds"] / 1e6))


tests = {k[2:]: v for k, v in globals().items() if k.startswith("t_")}
if TEST not in tests:
    print("unknown test", TEST, "known:", " ".join(sorted(tests)))
    sys.exit(2)
os.makedirs(WORK, exist_ok=True)
tests[TEST]()
print("%s: %s" % (TEST, "FAILED (%d)" % failures if failures else "ok"))
sys.exit(1 if failures else 0)

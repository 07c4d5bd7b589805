#!/usr/bin/env python3
"""Validates the ecosystem manifests (issue 8) without the ecosystems:

  idf_component.yml + root CMakeLists.txt (ESP-IDF component), Kconfig,
  zephyr/module.yml + zephyr/CMakeLists.txt + zephyr/Kconfig (Zephyr module),
  library.json (PlatformIO library),
  arduino/library.properties (Arduino library, written out by
  arduino/export.sh).

For each: the file parses (YAML, JSON, Kconfig with kconfiglib), its fields
name files that exist and its version is the CMake project's; the sources it
builds are found the way that build system would find them (the ESP-IDF and
Zephyr CMake files run in CMake script mode with stand-ins for
idf_component_register and zephyr_library_*; PlatformIO's srcFilter is
evaluated here), they are the same set for all three and the same as the
library's own sources under src/ and chips/; then they are compiled with
arm-none-eabi-gcc (Cortex-M4, -Os, -Werror) with the configuration that
system would give them (a sdkconfig.h / autoconf.h that kconfiglib writes
from the Kconfig, through include/capheap/config_kconfig.h), a probe checks
that each CONFIG_ value reached its CAPHEAP_ macro, and the objects link
into a program.

  check_manifests.py <source-dir> <work-dir> <library sources a|b|...>
                     <library include directories a|b|...>
Prints one line per check and "N passed, N failed"; exit 1 on any failure.
"""
import fnmatch
import json
import os
import re
import subprocess
import sys

import kconfiglib
import yaml

SRC, WORK, LIB_SOURCES, LIB_INCLUDES = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
os.makedirs(WORK, exist_ok=True)
passed = failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"[ ok ] {what}")
    else:
        failed += 1
        print(f"[FAIL] {what}{': ' + detail if detail else ''}")
    return ok


def rel(paths):
    return sorted(os.path.relpath(os.path.realpath(p), os.path.realpath(SRC)) for p in paths)


def project_version():
    text = open(os.path.join(SRC, "CMakeLists.txt")).read()
    return re.search(r"project\(capheap VERSION ([0-9.]+)", text).group(1)


VERSION = project_version()
LIB = sorted(s for s in rel(LIB_SOURCES.split("|"))
             if (s.startswith("src/") or s.startswith("chips/")) and s.endswith(".c")
             and s != "src/util/fault.c")
check(len(LIB) >= 10, "the library target lists its src/ and chips/ sources", str(LIB))
TRACE = rel(os.path.join(SRC, "src", "debug", f)
            for f in (os.listdir(os.path.join(SRC, "src", "debug"))
                      if os.path.isdir(os.path.join(SRC, "src", "debug")) else [])
            if f.startswith("trace") and f.endswith(".c"))
LIB_TRACING = bool(set(TRACE) & set(LIB))  # the library was built with tracing
LIB_NO_TRACE = sorted(set(LIB) - set(TRACE))

# ------------------------------------------------------------------ manifests
idf = yaml.safe_load(open(os.path.join(SRC, "idf_component.yml")))
check(idf.get("version") == VERSION, "idf_component.yml: version is the project's",
      f"{idf.get('version')} != {VERSION}")
check(bool(idf.get("description")), "idf_component.yml: description")
check(str(idf.get("dependencies", {}).get("idf", {}).get("version", "")).startswith(">="),
      "idf_component.yml: an ESP-IDF version requirement")

zmod = yaml.safe_load(open(os.path.join(SRC, "zephyr", "module.yml")))
zcmake = os.path.join(SRC, zmod["build"]["cmake"], "CMakeLists.txt")
zkconfig = os.path.join(SRC, zmod["build"]["kconfig"])
check(zmod.get("name") == "capheap", "zephyr/module.yml: name")
check(os.path.isfile(zcmake), "zephyr/module.yml: build.cmake has a CMakeLists.txt", zcmake)
check(os.path.isfile(zkconfig), "zephyr/module.yml: build.kconfig exists", zkconfig)

pio = json.load(open(os.path.join(SRC, "library.json")))
check(pio.get("name") == "capheap" and pio.get("version") == VERSION,
      "library.json: name and version")
pio_build = pio.get("build", {})
pio_src = os.path.join(SRC, pio_build.get("srcDir", "src"))
pio_inc = os.path.join(SRC, pio_build.get("includeDir", "include"))
check(os.path.isdir(pio_src) and os.path.isdir(os.path.join(pio_inc, "capheap")),
      "library.json: srcDir and includeDir exist")

# -------------------------------------------------------------------- Kconfig
os.environ.setdefault("srctree", SRC)
cwd = os.getcwd()
os.chdir(SRC)
try:
    kidf = kconfiglib.Kconfig("Kconfig", warn_to_stderr=False)
    kzep = kconfiglib.Kconfig(os.path.relpath(zkconfig, SRC), warn_to_stderr=False)
finally:
    os.chdir(cwd)
check(not kidf.warnings, "Kconfig (ESP-IDF) parses without warnings", "; ".join(kidf.warnings))
check(not kzep.warnings, "zephyr/Kconfig parses without warnings", "; ".join(kzep.warnings))
names = sorted(n for n in kidf.syms if n.startswith("CAPHEAP_"))
nohelp = [n for n in names if not any(node.help for node in kidf.syms[n].nodes)]
check(not nohelp, "every Kconfig option has a help text", ", ".join(nohelp))
# every option has a CAPHEAP_ macro in the translation header
mapping = open(os.path.join(SRC, "include", "capheap", "config_kconfig.h")).read()
unmapped = [n for n in names if "CONFIG_" + n not in mapping]
check(not unmapped, "config_kconfig.h maps every Kconfig option", ", ".join(unmapped))
check(set(n for n in kzep.syms if n.startswith("CAPHEAP")) == set(names) | {"CAPHEAP"},
      "the Zephyr Kconfig offers the ESP-IDF options (plus CAPHEAP)")

idf_dir = os.path.join(WORK, "idf")
zep_dir = os.path.join(WORK, "zephyr")
os.makedirs(idf_dir, exist_ok=True)
os.makedirs(zep_dir, exist_ok=True)
kidf.write_autoconf(os.path.join(idf_dir, "sdkconfig.h"))  # defaults
kzep.syms["CAPHEAP"].set_value(2)
kzep.syms["CAPHEAP_POISONING_COMPREHENSIVE"].set_value(2)
kzep.syms["CAPHEAP_HEAP_TRACING"].set_value(2)
kzep.syms["CAPHEAP_CHECKS"].set_value(0)
for name, value in (("CAPHEAP_ALIGNMENT", "4"), ("CAPHEAP_SL_LOG2", "4"),
                    ("CAPHEAP_GC_ROOT_RANGES", "3"), ("CAPHEAP_TRACE_STACK_DEPTH", "6"), ("CAPHEAP_LAYOUT_MIN_REGION", "512")):
    kzep.syms[name].set_value(value)
kzep.write_autoconf(os.path.join(zep_dir, "autoconf.h"))

# ------------------------------------------------------ source lists, per system
def cmake_script(name, body):
    path = os.path.join(WORK, name)
    with open(path, "w") as f:
        f.write(body)
    out = subprocess.run(["cmake", "-P", path], capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr
    return out.stdout + out.stderr, None


idf_out, err = cmake_script("idf.cmake", f"""
set(ESP_PLATFORM 1)
set(CONFIG_CAPHEAP_HEAP_TRACING {"y" if LIB_TRACING else ""})
set(COMPONENT_LIB __idf_capheap)
function(idf_component_register)
  cmake_parse_arguments(A "" "" "SRCS;INCLUDE_DIRS;PRIV_INCLUDE_DIRS;REQUIRES;PRIV_REQUIRES" ${{ARGN}})
  foreach(s ${{A_SRCS}})
    message("SRC ${{s}}")
  endforeach()
  foreach(i ${{A_INCLUDE_DIRS}})
    message("INC ${{i}}")
  endforeach()
  foreach(i ${{A_PRIV_INCLUDE_DIRS}})
    message("PINC ${{i}}")
  endforeach()
endfunction()
function(target_compile_definitions t scope)
  foreach(d ${{ARGN}})
    message("DEF ${{d}}")
  endforeach()
endfunction()
include({SRC}/CMakeLists.txt)
message("END")
""")
check(idf_out is not None and "END" in idf_out,
      "root CMakeLists.txt under ESP_PLATFORM registers a component and returns", err or "")
idf_out = idf_out or ""
idf_srcs = rel(l[4:] for l in idf_out.splitlines() if l.startswith("SRC "))
idf_incs = [l[4:] for l in idf_out.splitlines() if l.startswith("INC ")]
idf_defs = [l[4:] for l in idf_out.splitlines() if l.startswith("DEF ")]
check(idf_incs == ["include"], "ESP-IDF component: INCLUDE_DIRS include", str(idf_incs))
# the library's own private include directories under src/
PRIV = sorted(set(d for d in rel(x for x in LIB_INCLUDES.split("|") if x)
                  if d.startswith("src/")))
idf_priv = sorted(l[5:] for l in idf_out.splitlines() if l.startswith("PINC "))
check(idf_priv == PRIV, "ESP-IDF component: PRIV_INCLUDE_DIRS are the library's private ones",
      f"component {idf_priv} library {PRIV}")
check('CAPHEAP_CONFIG_HEADER="capheap/config_kconfig.h"' in idf_defs,
      "ESP-IDF component: CAPHEAP_CONFIG_HEADER names the Kconfig header", str(idf_defs))

zep_out, err = cmake_script("zephyr.cmake", f"""
set(CONFIG_CAPHEAP y)
set(CONFIG_CAPHEAP_HEAP_TRACING y)
function(zephyr_library_named n)
  message("LIB ${{n}}")
endfunction()
function(zephyr_library_sources)
  foreach(s ${{ARGN}})
    message("SRC ${{s}}")
  endforeach()
endfunction()
function(zephyr_include_directories)
  foreach(i ${{ARGN}})
    message("INC ${{i}}")
  endforeach()
endfunction()
function(zephyr_library_include_directories)
  foreach(i ${{ARGN}})
    message("PINC ${{i}}")
  endforeach()
endfunction()
function(zephyr_compile_definitions)
  foreach(d ${{ARGN}})
    message("DEF ${{d}}")
  endforeach()
endfunction()
include({zcmake})
message("END")
""")
check(zep_out is not None and "LIB capheap" in zep_out, "zephyr/CMakeLists.txt declares the library",
      err or "")
zep_out = zep_out or ""
zep_srcs = rel(l[4:] for l in zep_out.splitlines() if l.startswith("SRC "))
zep_incs = rel(l[4:] for l in zep_out.splitlines() if l.startswith("INC "))
check(zep_incs == ["include"], "Zephyr module: include directory", str(zep_incs))
zep_priv = rel(l[5:] for l in zep_out.splitlines() if l.startswith("PINC "))
check(zep_priv == PRIV, "Zephyr module: private include directories are the library's",
      f"module {zep_priv} library {PRIV}")
pio_priv = sorted(f[3:].strip() for f in pio_build.get("flags", []) if f.startswith("-I "))
check(pio_priv == PRIV, "library.json: -I flags are the library's private include directories",
      f"library.json {pio_priv} library {PRIV}")
PRIV_FLAGS = [a for d in PRIV for a in ("-I", os.path.join(SRC, d))]


def pio_sources():
    """PlatformIO's srcFilter: "+<pattern>" / "-<pattern>" applied in order
    to every file under srcDir; a pattern ending in / means the directory."""
    filt = pio_build.get("srcFilter", ["+<*>"])
    if isinstance(filt, str):
        filt = re.findall(r"[+-]<[^>]*>", filt)
    files = []
    for root, _dirs, names_ in os.walk(pio_src):
        for n in names_:
            files.append(os.path.relpath(os.path.join(root, n), pio_src))
    chosen = set()
    for rule in filt:
        sign, pat = rule[0], rule[2:-1]
        for f in files:
            hit = f.startswith(pat) if pat.endswith("/") else fnmatch.fnmatch(f, pat)
            if hit:
                (chosen.add if sign == "+" else chosen.discard)(f)
    return rel(os.path.join(pio_src, f) for f in chosen if f.endswith((".c", ".cpp", ".S")))


pio_srcs = pio_sources()
check(idf_srcs == LIB, "ESP-IDF component builds the library's portable sources",
      f"component {idf_srcs} library {LIB}")
check(zep_srcs == sorted(set(LIB) | set(TRACE)),
      "Zephyr module with CONFIG_CAPHEAP_HEAP_TRACING builds the library's sources and the"
      " tracing layer", f"module {zep_srcs} library {LIB} tracing {TRACE}")
check(pio_srcs == LIB_NO_TRACE,
      "library.json's srcFilter selects the library's portable sources (without tracing)",
      f"library.json {pio_srcs} library {LIB_NO_TRACE}")

# ----------------------------------------------------------------- the builds
CC = ["arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-Os", "-std=c11",
      "-Wall", "-Wextra", "-Werror", "-ffunction-sections", "-fdata-sections",
      "-I", os.path.join(SRC, "include")]
KCONFIG_HEADER = '-DCAPHEAP_CONFIG_HEADER="capheap/config_kconfig.h"'

PROBE = """
#include "capheap/caps.h"
#include "capheap/gc.h"
#include "capheap/layout.h"
#include "capheap/trace.h"
_Static_assert(CAPHEAP_POISONING_LEVEL == %(poison)s, "poisoning level");
_Static_assert(CAPHEAP_HEAP_TRACING == %(trace)s, "tracing");
_Static_assert(CAPHEAP_TASK_TRACKING == 0, "task tracking");
_Static_assert(CAPHEAP_TRACE_STACK_DEPTH == %(depth)s, "trace depth");
_Static_assert(CAPHEAP_ALIGNMENT == %(align)s, "alignment");
_Static_assert(CAPHEAP_SL_LOG2 == %(sl)s, "SL_LOG2");
_Static_assert(CAPHEAP_CHECKS == %(checks)s, "checks");
_Static_assert(CAPHEAP_GC_ROOT_RANGES == %(roots)s, "GC root ranges");
_Static_assert(CAPHEAP_LAYOUT_MIN_REGION == %(minreg)s, "min region");
int main(void);
int main(void)
{
    capheap_caps_config_t cfg;
    capheap_caps_t *inst = 0;
    capheap_caps_config_init(&cfg);
    cfg.chip = &capheap_chip_mps2_an385;
    if (capheap_caps_create_from_chip(&cfg, &inst) != CAPHEAP_OK)
        return 1;
    void *p = capheap_caps_malloc(inst, 100, CAPHEAP_CAP_DMA);
    capheap_caps_free(inst, p);
    capheap_caps_destroy(inst);
    return p ? 0 : 1;
}
"""


def build(label, flags, expect, sources):
    """Compiles the probe and `sources` (the list that build system
    selected) with flags; then links them into a program, which proves the
    list complete (the probe alone, sources empty, cannot link)."""
    d = os.path.join(WORK, "obj-" + label)
    os.makedirs(d, exist_ok=True)
    objs, errors = [], []
    probe = os.path.join(d, "probe.c")
    with open(probe, "w") as f:
        f.write(PROBE % expect)
    for s in sources + [os.path.relpath(probe, SRC)]:
        o = os.path.join(d, os.path.basename(s) + ".o")
        r = subprocess.run(CC + PRIV_FLAGS + flags + ["-c", os.path.join(SRC, s), "-o", o],
                           capture_output=True, text=True)
        if r.returncode != 0:
            errors.append(f"{s}: {r.stderr.strip()[:600]}")
        objs.append(o)
    what = "every source compiles" if sources else "the probe compiles"
    if not check(not errors, f"{label}: {what} with arm-none-eabi-gcc -Werror"
                 " and the probe sees the configured CAPHEAP_* values", "\n".join(errors)):
        return
    if not sources:
        return
    r = subprocess.run(["arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "--specs=nosys.specs",
                        "-Wl,--gc-sections", "-o", os.path.join(d, "probe.elf")] + objs,
                       capture_output=True, text=True)
    check(r.returncode == 0, f"{label}: the objects link into a program (no duplicate or"
          " missing symbol)", r.stderr.strip()[:800])


# The ESP-IDF defaults are the library's defaults, which the PlatformIO build
# below compiles in full: here only the probe checks the mapping.
build("esp-idf", ["-DESP_PLATFORM=1", "-DCAPHEAP_BARE_METAL=1", KCONFIG_HEADER, "-I", idf_dir],
      dict(poison=0, trace=0, align=8, sl=5, checks=1, roots=8, minreg=256, depth=4), [])
build("zephyr", ["-include", os.path.join(zep_dir, "autoconf.h"), "-DCAPHEAP_BARE_METAL=1",
                 KCONFIG_HEADER],
      dict(poison=2, trace=1, align=4, sl=4, checks=0, roots=3, minreg=512, depth=6), zep_srcs)
build("platformio", ["-I", pio_inc],
      dict(poison=0, trace=0, align=8, sl=5, checks=1, roots=8, minreg="256u", depth=4), pio_srcs)

# -------------------------------------------------------------------- Arduino
# arduino/export.sh writes the library folder the Arduino IDE / arduino-cli
# install; checked here against the library format 1.5 (rev. 2.2): the
# properties, then the sources Arduino compiles (every .c/.cpp/.S under src/,
# recursively) with only src/ on the include path, as a sketch of an Arm
# board would build them.
ARD_FIELDS_REQUIRED = ("name", "version", "author", "maintainer", "sentence", "paragraph",
                       "category", "url", "architectures")
ARD_FIELDS = set(ARD_FIELDS_REQUIRED) | {"depends", "dot_a_linkage", "includes",
                                         "precompiled", "ldflags"}
ARD_CATEGORIES = {"Display", "Communication", "Signal Input/Output", "Sensors",
                  "Device Control", "Timing", "Data Storage", "Data Processing", "Other"}
ard_root = os.path.join(WORK, "arduino")
r = subprocess.run(["bash", os.path.join(SRC, "arduino", "export.sh"), ard_root],
                   capture_output=True, text=True)
ard = os.path.join(ard_root, "capheap")
check(r.returncode == 0 and os.path.isfile(os.path.join(ard, "library.properties")),
      "arduino/export.sh writes the Arduino library folder", r.stderr.strip()[:600])


def read_properties(path):
    """key=value lines (UTF-8); blank lines and # comments skipped. Returns
    (dict, problems)."""
    props, problems = {}, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if "=" not in line:
                problems.append(f"line {n}: no '='")
                continue
            key, value = line.split("=", 1)
            key = key.strip()
            if key in props:
                problems.append(f"line {n}: {key} given twice")
            props[key] = value.strip()
    return props, problems


props, problems = ({}, ["missing"])
if os.path.isfile(os.path.join(ard, "library.properties")):
    props, problems = read_properties(os.path.join(ard, "library.properties"))
check(not problems, "library.properties: key=value syntax", "; ".join(problems))
missing = [k for k in ARD_FIELDS_REQUIRED if not props.get(k)]
check(not missing, "library.properties: every required field is set", ", ".join(missing))
unknown = sorted(set(props) - ARD_FIELDS)
check(not unknown, "library.properties: only fields of the specification", ", ".join(unknown))
name = props.get("name", "")
check(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 _.-]*", name) is not None
      and re.search(r"[A-Za-z]", name) is not None and not name.startswith("Arduino")
      and name == os.path.basename(ard),
      "library.properties: name is a valid library name and the folder's", name)
check(props.get("version") == VERSION, "library.properties: version is the project's",
      f"{props.get('version')} != {VERSION}")
check(props.get("category") in ARD_CATEGORIES, "library.properties: category is one of the"
      " specification's", str(props.get("category")))
check(re.fullmatch(r"https?://\S+", props.get("url", "")) is not None,
      "library.properties: url is an http(s) URL", props.get("url", ""))
archs = [a.strip() for a in props.get("architectures", "").split(",")]
check(all(re.fullmatch(r"\*|[A-Za-z0-9_-]+", a) for a in archs) and "avr" not in archs,
      "library.properties: architectures is a list of names (32-bit only: no avr)",
      props.get("architectures", ""))
incs = [i.strip() for i in props.get("includes", "").split(",") if i.strip()]
check(bool(incs) and all(os.path.isfile(os.path.join(ard, "src", i)) for i in incs),
      "library.properties: each header in includes exists in src/", str(incs))
check(not any(os.path.exists(os.path.join(ard, d)) for d in ("utility",))
      and not [f for f in os.listdir(ard) if f.endswith((".c", ".cpp", ".h"))],
      "Arduino library: recursive layout (no sources in the root folder or utility/)")


def to_tree(path):
    """Export path -> the tree's path it was copied from."""
    r_ = os.path.relpath(path, os.path.join(ard, "src"))
    if r_.startswith("chips/"):
        return r_
    if r_.startswith("capheap/"):
        return "include/" + r_
    return "src/" + r_


ard_srcs = []
for root_, _d, files_ in os.walk(os.path.join(ard, "src")):
    for f in files_:
        if f.endswith((".c", ".cpp", ".S")):
            ard_srcs.append(os.path.join(root_, f))
ard_srcs.sort()
check(sorted(to_tree(p) for p in ard_srcs) == LIB_NO_TRACE,
      "Arduino library: the sources Arduino compiles (src/ recursively) are the library's"
      " portable sources (without tracing)",
      f"arduino {sorted(to_tree(p) for p in ard_srcs)} library {LIB_NO_TRACE}")
stale = [p for p in ard_srcs + [os.path.join(ard, "src", "capheap", h)
                                for h in os.listdir(os.path.join(ard, "src", "capheap"))]
         if open(p, "rb").read() != open(os.path.join(SRC, to_tree(p)), "rb").read()]
check(not stale, "Arduino library: every file is the tree's", ", ".join(stale))

ARD_FLAGS = ["-mcpu=cortex-m4", "-mthumb", "-Os", "-Wall", "-Wextra", "-Werror",
             "-ffunction-sections", "-fdata-sections", "-DARDUINO=10819",
             "-DARDUINO_ARCH_SAMD", "-I", os.path.join(ard, "src")]
ARD_PROBE = """
#include <capheap.h>
static_assert(CAPHEAP_POISONING_LEVEL == 0 && CAPHEAP_HEAP_TRACING == 0, "defaults");
/* a sketch's setup(): a caps instance on the MPS2 chip table */
int main()
{
    capheap_caps_config_t cfg;
    capheap_caps_t *inst = nullptr;
    capheap_caps_config_init(&cfg);
    cfg.chip = &capheap_chip_mps2_an385;
    if (capheap_caps_create_from_chip(&cfg, &inst) != CAPHEAP_OK)
        return 1;
    void *p = capheap_caps_malloc(inst, 100, CAPHEAP_CAP_DMA);
    capheap_caps_free(inst, p);
    capheap_caps_destroy(inst);
    return p ? 0 : 1;
}
"""
ard_obj = os.path.join(WORK, "obj-arduino")
os.makedirs(ard_obj, exist_ok=True)
probe = os.path.join(ard_obj, "sketch.cpp")
with open(probe, "w") as f:
    f.write(ARD_PROBE)
objs, errors = [], []
for s_ in ard_srcs + [probe]:
    cpp = s_.endswith(".cpp")
    cc = (["arm-none-eabi-g++", "-std=gnu++11", "-fno-exceptions", "-fno-rtti"] if cpp
          else ["arm-none-eabi-gcc", "-std=gnu11"])
    o = os.path.join(ard_obj, os.path.relpath(s_, ard if s_ != probe else ard_obj)
                     .replace("/", "_") + ".o")
    r = subprocess.run(cc + ARD_FLAGS + ["-c", s_, "-o", o], capture_output=True, text=True)
    if r.returncode != 0:
        errors.append(f"{s_}: {r.stderr.strip()[:600]}")
    objs.append(o)
if check(not errors, "arduino: every source under src/ and a C++ sketch compile with"
         " arm-none-eabi-gcc/g++ -Werror and only src/ on the include path", "\n".join(errors)):
    r = subprocess.run(["arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "--specs=nosys.specs",
                        "-Wl,--gc-sections", "-o", os.path.join(ard_obj, "sketch.elf")] + objs,
                       capture_output=True, text=True)
    check(r.returncode == 0, "arduino: the objects link into a program (no duplicate or"
          " missing symbol)", r.stderr.strip()[:800])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

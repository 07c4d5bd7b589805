#!/usr/bin/env python3
"""Upper bounds on W3 efficiency at first failure for block formats.

W3 (bench/main.c, cmd_eff) allocates sizes uniform in 16..256 B from a fresh
region until the first refusal and reports live requested bytes / region.
From a fresh region the blocks are carved one after the other, so the figure
is fixed by three things only: the stride each request costs (its payload
rounded to the alignment, plus any per-block header), the bytes the heap
keeps for itself (control structure, sentinel, side tables), and the last
request that no longer fits. This script computes that figure for the
engine's block format and for the formats one could switch to, so that the
gap between a target and what a format can reach is a number, not a guess.

    bench/w3_bound.py [REGION] [--rounds N]

The control structure is sized with the engine's layout rule (src/engine/
block.h, layout_of): the fewest rows of 2^SL_LOG2 list heads that list the
region's single free block. The request stream is a fixed-seed Python PRNG
(the bench's own PRNG gives a different but equally distributed stream:
the first two rows agree with `bench_capheap eff 262144` and
`bench_capheap_a8 eff 262144`, 88.83 % and 91.14 %, to 0.1 point). Each
line prints the mean over N seeds and the worst seed.
"""
import random
import sys

W64 = 8
ALIGN = 16
SL_LOG2 = 5
SL = 1 << SL_LOG2
# struct capheap_heap on x86-64: 3 scratch/heads words (24 B) + rows and
# padding (8 B) + 15 words of counters, limits and hooks.
HEAP_STRUCT = 24 + 8 + 15 * W64
BLOCK_MIN = 32


def ru(x, a):
    return (x + a - 1) // a * a


def control_bytes(region, head_bytes, align=ALIGN):
    """Region bytes outside the single free block at creation, as layout_of
    lays them out: the control structure up to the first header, and what
    follows the block (the sentinel header and the alignment slack)."""
    rows = 1
    while True:
        bitmaps = ru(rows * 4, W64)
        ctl = HEAP_STRUCT + bitmaps + rows * SL * head_bytes
        first = ru(ctl + W64, align) - W64
        stride = (region - first - W64) // align * align
        if stride // align < SL << (rows - 1):
            return region - stride
        rows += 1


def first_failure(region, stride_of, reserved, seed):
    rnd = random.Random(seed)
    avail = region - reserved
    used = payload = 0
    while True:
        n = rnd.randint(16, 256)
        s = stride_of(n)
        if used + s > avail:
            return 100.0 * payload / region
        used += s
        payload += n


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    region = int(args[0]) if args else 256 << 10
    rounds = 20
    if "--rounds" in sys.argv:
        rounds = int(sys.argv[sys.argv.index("--rounds") + 1])
    ctl = control_bytes(region, W64)
    ctl8 = control_bytes(region, W64, 8)
    ctl32 = control_bytes(region, 4)
    formats = [
        ("engine today: 8 B header, 16 B granule", lambda n: ru(n + 8, ALIGN), ctl),
        ("8 B header, 8 B alignment (-DCAPHEAP_ALIGNMENT=8)", lambda n: max(ru(n + 8, 8), BLOCK_MIN), ctl8),
        ("4 B header, 32-bit links and heads", lambda n: ru(n + 4, ALIGN), ctl32),
        ("no header, 2-bit side table per 16 B", lambda n: ru(max(n, 32), ALIGN), ctl + region // 64),
        ("no header, 1-bit side table per 16 B", lambda n: ru(max(n, 32), ALIGN), ctl + region // 128),
        ("no header, 1-bit table, 32-bit heads", lambda n: ru(max(n, 32), ALIGN), ctl32 + region // 128),
        ("no header, no side table, this control structure", lambda n: ru(n, ALIGN), ctl),
        ("no header, no side table, 32-bit heads", lambda n: ru(n, ALIGN), ctl32),
        ("no metadata at all: the bound for any allocator", lambda n: ru(n, ALIGN), 0),
    ]
    print(f"W3 at first failure, region {region} B, sizes 16..256, 16-byte aligned results, "
          f"reserved by the engine {ctl} B (32-bit heads: {ctl32} B; alignment 8: {ctl8} B), "
          f"{rounds} seeds")
    for name, stride_of, reserved in formats:
        v = [first_failure(region, stride_of, reserved, s) for s in range(rounds)]
        print(f"  {name:52s} {sum(v) / len(v):6.2f} %  (worst {min(v):.2f} %)")


if __name__ == "__main__":
    main()

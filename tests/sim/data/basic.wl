# tests/sim: every failure reason on the generic chip (one 256 KiB RAM):
# a fragmented heap, caps no heap has, caps every request is refused with,
# a request larger than the free memory; then calloc, realloc, align, check.
phase fill
alloc big 200K
free big
phase frag
alloc b0 4000
alloc b1 4000
alloc b2 4000
alloc b3 4000
alloc b4 4000
alloc b5 4000
alloc b6 4000
alloc b7 4000
alloc b8 4000
alloc b9 4000
alloc b10 4000
alloc b11 4000
alloc b12 4000
alloc b13 4000
alloc b14 4000
alloc b15 4000
alloc b16 4000
alloc b17 4000
alloc b18 4000
alloc b19 4000
alloc b20 4000
alloc b21 4000
alloc b22 4000
alloc b23 4000
alloc b24 4000
alloc b25 4000
alloc b26 4000
alloc b27 4000
alloc b28 4000
alloc b29 4000
alloc b30 4000
alloc b31 4000
alloc b32 4000
alloc b33 4000
alloc b34 4000
alloc b35 4000
alloc b36 4000
alloc b37 4000
alloc b38 4000
alloc b39 4000
alloc b40 4000
alloc b41 4000
alloc b42 4000
alloc b43 4000
alloc b44 4000
alloc b45 4000
alloc b46 4000
alloc b47 4000
alloc b48 4000
alloc b49 4000
alloc b50 4000
alloc b51 4000
alloc b52 4000
alloc b53 4000
alloc b54 4000
alloc b55 4000
alloc b56 4000
alloc b57 4000
alloc b58 4000
alloc b59 4000
alloc b60 4000
alloc b61 4000
alloc b62 4000
alloc b63 4000
free b0
free b2
free b4
free b6
free b8
free b10
free b12
free b14
free b16
free b18
free b20
free b22
free b24
free b26
free b28
free b30
free b32
free b34
free b36
free b38
free b40
free b42
free b44
free b46
free b48
free b50
free b52
free b54
free b56
free b58
free b60
free b62
alloc want8k 8000
phase other
alloc psram 100 SPIRAM
alloc exec8 100 EXEC|8BIT
alloc huge 1M
free huge
calloc z 10 10 DMA
realloc z 50 DMA
alloc al 64 align 256
check

# tests/sim: every failure reason on the generic chip (one 256 KiB RAM):
# 64 blocks of 3900 B (room for poisoning headers) fragmented, caps no heap
# has, caps always refused, too large; then calloc, realloc, align, check.
phase fill
alloc big 200K
free big
phase frag
alloc b0 3900
alloc b1 3900
alloc b2 3900
alloc b3 3900
alloc b4 3900
alloc b5 3900
alloc b6 3900
alloc b7 3900
alloc b8 3900
alloc b9 3900
alloc b10 3900
alloc b11 3900
alloc b12 3900
alloc b13 3900
alloc b14 3900
alloc b15 3900
alloc b16 3900
alloc b17 3900
alloc b18 3900
alloc b19 3900
alloc b20 3900
alloc b21 3900
alloc b22 3900
alloc b23 3900
alloc b24 3900
alloc b25 3900
alloc b26 3900
alloc b27 3900
alloc b28 3900
alloc b29 3900
alloc b30 3900
alloc b31 3900
alloc b32 3900
alloc b33 3900
alloc b34 3900
alloc b35 3900
alloc b36 3900
alloc b37 3900
alloc b38 3900
alloc b39 3900
alloc b40 3900
alloc b41 3900
alloc b42 3900
alloc b43 3900
alloc b44 3900
alloc b45 3900
alloc b46 3900
alloc b47 3900
alloc b48 3900
alloc b49 3900
alloc b50 3900
alloc b51 3900
alloc b52 3900
alloc b53 3900
alloc b54 3900
alloc b55 3900
alloc b56 3900
alloc b57 3900
alloc b58 3900
alloc b59 3900
alloc b60 3900
alloc b61 3900
alloc b62 3900
alloc b63 3900
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

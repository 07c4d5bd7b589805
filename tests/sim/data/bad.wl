# a good line, then a bad one
alloc a 10
alloc b ten DMA

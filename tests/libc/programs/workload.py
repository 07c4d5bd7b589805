# Python workload of the libc.preload.python3 test and the libc bench:
# standard modules, a million-element list built and sorted, a dict, some
# text processing. Deterministic output (fixed seed, no addresses or times).
import collections
import decimal
import fractions
import hashlib
import itertools
import json
import random
import re
import statistics
import textwrap

rng = random.Random(20261204)
values = [rng.randrange(1 << 30) for _ in range(1000000)]
values.sort()
print("sorted", len(values), values[0], values[len(values) // 2], values[-1])
words = ["w%d" % (v % 50021) for v in values[::7]]
counts = collections.Counter(words)
table = {w: i for i, w in enumerate(sorted(counts))}
print("dict", len(table), counts.most_common(3))
blob = json.dumps({"table": table, "head": values[:1000]}, sort_keys=True)
print("json", len(blob), hashlib.sha256(blob.encode()).hexdigest())
print("re", len(re.findall(r"w1\d{3}\b", " ".join(words))))
print("decimal", sum(decimal.Decimal(v) / 7 for v in values[:10000]).quantize(decimal.Decimal("0.001")))
print("fraction", sum(fractions.Fraction(v, 3) for v in values[:2000]))
print("stats", statistics.median(values[:99999]), round(statistics.pstdev(values[:50000]), 3))
print("perm", sum(1 for p in itertools.permutations(range(8)) if p[0] < p[-1]))
print(textwrap.shorten(" ".join(words[:200]), width=60))

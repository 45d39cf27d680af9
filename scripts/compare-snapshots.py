#!/usr/bin/env python3
"""Compares two folders written by scripts/snapshot-outputs.ts byte for byte.
Workbooks (.xlsx) are compared entry by entry, leaving out docProps/core.xml and the zip
entries' times: the agenda and tables workbooks stamp the computer's clock there."""
import sys, os, zipfile
a, b = sys.argv[1], sys.argv[2]
def files(root):
    out = []
    for d, _, fs in os.walk(root):
        for f in fs:
            rel = os.path.relpath(os.path.join(d, f), root)
            if rel.startswith('data' + os.sep): continue
            out.append(rel)
    return sorted(out)
fa, fb = files(a), files(b)
diff = [f for f in sorted(set(fa) ^ set(fb))]
same = 0
for f in sorted(set(fa) & set(fb)):
    pa, pb = os.path.join(a, f), os.path.join(b, f)
    if f.endswith('.xlsx'):
        za, zb = zipfile.ZipFile(pa), zipfile.ZipFile(pb)
        na = sorted(n for n in za.namelist() if n != 'docProps/core.xml')
        nb = sorted(n for n in zb.namelist() if n != 'docProps/core.xml')
        ok = na == nb and all(za.read(n) == zb.read(n) for n in na)
    else:
        ok = open(pa, 'rb').read() == open(pb, 'rb').read()
    if ok: same += 1
    else: diff.append(f)
print(f'{same} files identical, {len(diff)} differ or are missing')
for f in diff: print('  ', f)
sys.exit(1 if diff else 0)

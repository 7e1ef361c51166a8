#!/usr/bin/env python3
# Issue 16 gold set, tag-stripped 10-Ks (tests/data/sections/*_tagstripped.json): their tags are
# gone, so the pipeline cannot find their tables and a table that ends an item stays in its text.
# For every item whose text after the reviewed last words (up to the next heading) holds at least
# two lines with figures and no sentence (and no auditor sign-off), the reference ends on the
# table's last line with words. Run once in session 6 (--write); prints what it changes.
#   scripts/sections_gold_tables.py [--write]   (needs ../shared/data or $SECNLP_DATA)
import glob, json, os, re, sys
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get('SECNLP_DATA', os.path.join(ROOT, '..', 'shared', 'data'))
W = re.compile(r'[A-Za-z0-9]+')
def words(s): return [w.lower() for w in W.findall(s)]
changed = []
for p in sorted(glob.glob(os.path.join(ROOT, 'tests/data/sections/*_tagstripped.json'))):
    d = json.load(open(p))
    raw = open(os.path.join(DATA, 'filings', d['file']), errors='replace').read().replace('\r', '')
    lines = raw.split('\n')
    # token stream with line numbers
    toks = []
    for ln, l in enumerate(lines):
        for w in W.findall(l): toks.append((w.lower(), ln))
    tw = [t[0] for t in toks]
    def find_all(ws, lo=0, hi=None):
        hi = len(tw) if hi is None else hi
        out = []
        for i in range(lo, hi - len(ws) + 1):
            if tw[i:i + len(ws)] == ws: out.append(i)
        return out
    items = d['items']
    # starts: last occurrence before the next start, from the end
    starts = [None] * len(items); bound = len(tw)
    for i in range(len(items) - 1, -1, -1):
        occ = [o for o in find_all(words(items[i]['first'])) if o < bound]
        if occ: starts[i] = occ[-1]; bound = occ[-1]
    for i in range(len(items) - 1):
        if starts[i] is None or starts[i + 1] is None: continue
        lw = words(items[i]['last'])
        occ = find_all(lw, starts[i], starts[i + 1])
        if not occ: continue
        end_line = toks[occ[-1] + len(lw) - 1][1]
        next_line = toks[starts[i + 1]][1]
        between = lines[end_line + 1:next_line]
        if not any(l.strip() for l in between): continue
        numeric = sum(1 for l in between if re.search(r'[\d$]', l))
        sentence_end = any(l.rstrip().endswith('.') and len(l.split()) >= 6 for l in between)
        if numeric < 2 or sentence_end: continue
        if any('/s/' in l or re.search(r'\bLLP\b', l) for l in between): continue  # auditor's sign-off
        cands = [l for l in between if re.search(r'[A-Za-z]{2,}', l)
                 and not re.match(r'\s*PART\s+[IVX]+\b', l)
                 and not re.fullmatch(r'\s*Table of Contents\s*', l)]
        if not cands: continue
        nw = W.findall(cands[-1])
        if len(nw) < 3 and len(cands) > 1: nw = W.findall(cands[-2]) + nw
        new = ' '.join(nw[-16:])
        changed.append((p.split('/')[-1][:40], items[i]['item'], items[i]['last'], new))
        items[i]['last'] = new
    if '--write' in sys.argv:
        open(p, 'w').write(json.dumps(d, indent=1, ensure_ascii=False) + '\n')
for c in changed: print(c)

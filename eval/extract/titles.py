"""Headline agreement on news pages: Parallax's title against the first line of the expected body
(the Big9 and Chaos expected texts open with the headline), by the extract eval's split (FNV-1a
64 of the domain, else of the page id; odd = held out). Development pages' misses are listed.

    python3 eval/extract/titles.py dev|held-out [PARALLAX_BINARY]   (default target/release/parallax)
"""
import json, os, re, subprocess, sys, unicodedata
root = os.environ.get('NEWS_PAGES', '/work/data/news-pages')
truth = json.load(open(f'{root}/truth.json'))
meta = json.load(open(f'{root}/meta.json'))
which = sys.argv[1]  # dev | held-out
binary = sys.argv[2] if len(sys.argv) > 2 else 'target/release/parallax'
def fnv(s):
    h = 0xcbf29ce484222325
    for b in s.encode():
        h ^= b; h = (h * 0x100000001b3) % (1 << 64)
    return h
def norm(s):
    s = unicodedata.normalize('NFKC', s or '').lower()
    s = re.sub(r"[\u2018\u2019\u201c\u201d'\"]", '', s)
    return ' '.join(re.findall(r'\w+', s))
ok = 0; n = 0; rows = []
for pid, m in sorted(meta.items()):
    if m['dataset'] not in ('big9', 'chaos'): continue
    key = m.get('domain') or pid
    held = fnv(key) % 2 == 1
    if (which == 'held-out') != held: continue
    first = truth[pid].strip().split('\n')[0]
    out = subprocess.run([binary, 'extract', '--json', f'{root}/pages/{pid}.html'], capture_output=True, text=True)
    try: title = json.loads(out.stdout)['title']
    except Exception: title = ''
    n += 1
    same = norm(title) == norm(first)
    ok += same
    if not same: rows.append((pid, title, first))
print(f'{which}: {ok}/{n} titles equal the headline ({ok/n:.3f})')
if which == 'dev':
    for r in rows: print('  ', r[0], '|', r[1][:90], '|', r[2][:90])

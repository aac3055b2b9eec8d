"""Outlets on the news-pages corpus: on how many pages `parallax extract` names the outlet (not the
file name it falls back to), per split (the extract eval's), and which outlets it names.

    python3 eval/extract/outlets.py dev|held-out [PARALLAX_BINARY]   (default target/release/parallax)
"""
import collections, json, os, subprocess, sys
root = os.environ.get('NEWS_PAGES', '/work/data/news-pages')
which = sys.argv[1]
binary = sys.argv[2] if len(sys.argv) > 2 else 'target/release/parallax'
meta = json.load(open(f'{root}/meta.json'))

def fnv(s):
    h = 0xcbf29ce484222325
    for b in s.encode():
        h ^= b
        h = (h * 0x100000001b3) % (1 << 64)
    return h

pages = found = 0
names = collections.Counter()
for pid, m in sorted(meta.items()):
    if (fnv(m.get('domain') or pid) % 2 == 1) != (which == 'held-out'):
        continue
    out = subprocess.run([binary, 'extract', '--json', f'{root}/pages/{pid}.html'],
                         capture_output=True, text=True)
    try:
        d = json.loads(out.stdout)
    except ValueError:
        continue
    pages += 1
    outlet = d.get('outlet') or ''
    if outlet and outlet != pid:
        found += 1
        names[outlet] += 1
for name, n in names.most_common(15):
    print(f'{n:4}  {name}')
print(pages, 'pages,', found, 'with an outlet named')

"""Bylines on the news-pages corpus: how many still hold digits (dates, times) and how many pages
have no publication date, per split (the extract eval's).

    python3 eval/extract/bylines.py dev|held-out [PARALLAX_BINARY]   (default target/release/parallax)
"""
import json, os, re, subprocess, sys
root=os.environ.get('NEWS_PAGES', '/work/data/news-pages')
which=sys.argv[1]
binary=sys.argv[2] if len(sys.argv)>2 else 'target/release/parallax'; meta=json.load(open(f'{root}/meta.json'))
def fnv(s):
    h=0xcbf29ce484222325
    for b in s.encode(): h^=b; h=(h*0x100000001b3)%(1<<64)
    return h
n=0; dig=0; nopub=0
for pid,m in sorted(meta.items()):
    if (fnv(m.get('domain') or pid)%2==1) != (which=='held-out'): continue
    o=subprocess.run([binary,'extract','--json',f'{root}/pages/{pid}.html'],capture_output=True,text=True)
    try: d=json.loads(o.stdout)
    except Exception: continue
    n+=1
    b=d.get('byline') or ''
    if not d.get('published'): nopub+=1
    if re.search(r'\d',b):
        dig+=1
        if which=='dev': print(pid,'|',b[:100],'|',d.get('published'))
print(n,'pages', dig,'bylines with digits', nopub,'without a date')

#!/usr/bin/env python3
"""Whether the peer's page carries casepanel's rows (issue 17 §1).

    same_rows.py NAME CASEPANEL_PAGE PEER_PAGE

Passes when the two pages are the same bytes once the CSRF token is set
aside, or else when their table rows and list items have the same text in
the same order (it says which). Otherwise it prints the first differing row
and exits 1.
"""
import html
import re
import sys

TOKEN = re.compile(r'name="csrf_token" value="[0-9a-f]*"')


def rows(page):
    found = re.findall(r"<(tr|li)\b[^>]*>(.*?)</\1>", page, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()) for _, body in found]


def main():
    name, ours_file, theirs_file = sys.argv[1:4]
    ours = open(ours_file, encoding="utf-8").read()
    theirs = open(theirs_file, encoding="utf-8").read()
    a, b = TOKEN.sub("csrf", ours), TOKEN.sub("csrf", theirs)
    if a == b:
        print(f"{name}: the peer's page is casepanel's, byte for byte (CSRF token aside)")
        return 0
    ra, rb = rows(a), rows(b)
    if ra and ra == rb:
        print(f"{name}: the same {len(ra)} rows; other bytes differ "
              f"({len(ours)} bytes against {len(theirs)})")
        return 0
    print(f"{name}: casepanel's page has {len(ra)} rows, the peer's {len(rb)}", file=sys.stderr)
    for i in range(max(len(ra), len(rb))):
        x = ra[i] if i < len(ra) else "(none)"
        y = rb[i] if i < len(rb) else "(none)"
        if x != y:
            print(f"first difference, row {i + 1}:\n  casepanel: {x[:300]}\n  peer:      {y[:300]}",
                  file=sys.stderr)
            break
    return 1


if __name__ == "__main__":
    sys.exit(main())

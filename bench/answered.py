#!/usr/bin/env python3
"""Counts the connections a server answers (issue 17 §1).

wrk counts no error for a request that never completes: a server that
answers 32 of 256 keep-alive connections and leaves the rest waiting shows
no errors at all. This opens N keep-alive connections at once, sends one GET
on each, keeps every connection open, and reports how many were answered
(a whole response) within the time allowed, and how long the slowest
answered connection waited for its first answer.

    answered.py URL --connections 256 --seconds 10 [--header 'Cookie: x=y']

Prints one line, tab-separated: answered, connections, slowest first
answer in ms (or n/a), non-2xx answers. Exits 0 whatever it finds.
"""
import argparse
import asyncio
import time
import urllib.parse


async def one(host, port, request, deadline, opened):
    """Seconds to the whole first response and its status, or None."""
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port), max(0.01, deadline - time.monotonic()))
    except (OSError, asyncio.TimeoutError):
        return None
    opened.append(writer)
    start = time.monotonic()
    try:
        writer.write(request)
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"),
                                      max(0.01, deadline - time.monotonic()))
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        await asyncio.wait_for(reader.readexactly(length), max(0.01, deadline - time.monotonic()))
        return time.monotonic() - start, status
    except (OSError, ValueError, IndexError, asyncio.TimeoutError, asyncio.IncompleteReadError):
        return None


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--connections", type=int, default=256)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--header", action="append", default=[])
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    path = url.path + ("?" + url.query if url.query else "")
    lines = [f"GET {path} HTTP/1.1", f"Host: {url.netloc}", "Connection: keep-alive"]
    request = ("\r\n".join(lines + args.header) + "\r\n\r\n").encode()
    deadline = time.monotonic() + args.seconds
    opened = []
    results = await asyncio.gather(*[
        one(url.hostname, url.port or 80, request, deadline, opened)
        for _ in range(args.connections)])
    for writer in opened:
        writer.close()
    answered = [r for r in results if r is not None]
    slowest = f"{max(t for t, _ in answered) * 1000:.1f}" if answered else "n/a"
    bad = sum(1 for _, status in answered if not 200 <= status < 300)
    print(len(answered), args.connections, slowest, bad, sep="\t")


if __name__ == "__main__":
    asyncio.run(main())

#!/usr/bin/env python3
"""Opens N keep-alive connections to an HTTP server at once, sends two requests on each, holds
them all open, then closes them; prints how many succeeded. Used by scripts/bench/http to measure
the server's RSS after the connections have come and gone. Loopback only; bounded in time."""
import asyncio
import sys

HOST, PORT, COUNT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
PATH = sys.argv[4] if len(sys.argv) > 4 else "/healthz"
REQUEST = f"GET {PATH} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()


async def one(opened: list, gate: asyncio.Event, sem: asyncio.Semaphore) -> bool:
    async with sem:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), 30)
    try:
        for _ in range(2):
            writer.write(REQUEST)
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await asyncio.wait_for(reader.readexactly(length), 30)
            if not head.startswith(b"HTTP/1.1 200"):
                return False
        opened.append(writer)
        await gate.wait()  # hold the connection until every one is open
        return True
    finally:
        writer.close()


async def main() -> None:
    opened: list = []
    gate = asyncio.Event()
    sem = asyncio.Semaphore(500)  # connect in waves, not all SYNs at once
    tasks = [asyncio.create_task(one(opened, gate, sem)) for _ in range(COUNT)]
    deadline = asyncio.get_running_loop().time() + 120
    while len(opened) < COUNT and asyncio.get_running_loop().time() < deadline:
        if all(t.done() for t in tasks):
            break
        await asyncio.sleep(0.2)
    peak = len(opened)
    gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    ok = sum(1 for r in results if r is True)
    print(f"connections: {COUNT} attempted, {peak} open at once, {ok} completed")


asyncio.run(main())

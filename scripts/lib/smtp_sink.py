#!/usr/bin/env python3
"""A real SMTP server for tests (aiosmtpd) that saves every accepted message to a directory.

Each message becomes NNNNNN-<time>.eml (the bytes as received, after dot-unstuffing) with a
sidecar .json holding the envelope: {"mail_from": ..., "rcpt_tos": [...], "peer": ..., "peer_port": ...}
(the client's address and port: messages of one SMTP session share the port). The
.json is written first and the .eml renamed into place last, so a reader that sees the .eml
also sees its envelope.

Listens on --host (default 127.0.0.1) and --port (0 = any free port). The chosen port is
printed on stdout as the first line and, with --port-file, written there (atomically).
--reject-rcpt SUBSTR answers 550 to recipients containing SUBSTR; --tempfail-rcpt SUBSTR
answers 451. --auth USER:PASSWORD offers AUTH PLAIN/LOGIN (without TLS: a test server only)
and then requires it. --tls-cert/--tls-key: offer and require STARTTLS (RFC 3207), or with
--implicit-tls speak TLS from the first byte (smtps). Exits on SIGTERM/SIGINT, and by itself when its parent process goes away, so a
crashed test run leaves no orphan behind.
"""
import argparse
import asyncio
import itertools
import json
import os
import signal
import ssl
import sys
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class SaveToDirectory:
    def __init__(self, maildir: str, reject: list, tempfail: list) -> None:
        self.maildir = maildir
        self.reject = reject
        self.tempfail = tempfail
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if any(s in address for s in self.reject):
            return "550 5.1.1 Mailbox unavailable (test sink rejects this recipient)"
        if any(s in address for s in self.tempfail):
            return "451 4.3.0 Try again later (test sink defers this recipient)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{next(self.counter):06d}-{time.time_ns()}-{os.getpid()}"
        base = os.path.join(self.maildir, name)
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
                "peer": str(session.peer[0]) if session.peer else None,
                "peer_port": session.peer[1] if session.peer else None}
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 OK: queued as " + name


async def watch_parent(parent: int, stop: asyncio.Event) -> None:
    while os.getppid() == parent:
        await asyncio.sleep(0.5)
    stop.set()


async def serve(args) -> None:
    os.makedirs(args.maildir, exist_ok=True)
    handler = SaveToDirectory(args.maildir, args.reject_rcpt, args.tempfail_rcpt)
    loop = asyncio.get_running_loop()
    options = {"hostname": "kinerja-test-sink", "data_size_limit": 64 * 1024 * 1024}
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                  and auth_data.password.decode() == password)
            return AuthResult(success=ok, handled=False)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        if not args.implicit_tls:
            options.update(tls_context=context, require_starttls=True)
    server = await loop.create_server(
        lambda: SMTP(handler, **options), host=args.host, port=args.port, reuse_address=True,
        ssl=context if args.implicit_tls else None)
    port = server.sockets[0].getsockname()[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(f"{port}\n")
        os.rename(args.port_file + ".tmp", args.port_file)
    print(port, flush=True)
    stop = asyncio.Event()
    # A parent may start us with these signals blocked (the mask is inherited across exec).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    watcher = asyncio.create_task(watch_parent(os.getppid(), stop))
    await stop.wait()
    watcher.cancel()
    server.close()
    await server.wait_closed()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--port-file")
    parser.add_argument("--reject-rcpt", action="append", default=[])
    parser.add_argument("--tempfail-rcpt", action="append", default=[])
    parser.add_argument("--auth")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--implicit-tls", action="store_true")
    asyncio.run(serve(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""A real SMTP server on loopback for the outbox tests (aiosmtpd, Debian's
python3-aiosmtpd).

    smtp_sink.py MAILDIR [--fail-flag PATH] [--auth USER:PASSWORD]

Binds 127.0.0.1 on a port the system picks and prints that port on stdout, on
one line, once it is listening. Each message accepted is written to MAILDIR
as one file (N.eml: the envelope as X-Envelope-* lines, then the message
exactly as received) and renamed into place BEFORE the server answers
"250 OK", so when the client's send returns, the file is there: tests never
wait or sleep.

--fail-flag PATH: while PATH exists, DATA is answered "451 4.3.0" (a
temporary failure); tests create and remove the file to switch it.
--auth USER:PASSWORD: AUTH is required (LOGIN or PLAIN, without TLS) and
only these credentials pass; the user is recorded as X-Envelope-Auth.
--starttls CERT,KEY: STARTTLS is offered with this certificate and key (PEM)
and required before MAIL.
--smtps CERT,KEY: TLS from the first byte (implicit TLS, as on port 465).
A message that came over TLS is recorded with X-Envelope-TLS: its protocol.

Runs until killed (SIGTERM or SIGKILL from the test fixture), or until the
process that started it dies: it asks the kernel for SIGTERM then
(PR_SET_PDEATHSIG), so a test that aborts leaves no sink behind.
"""

import argparse
import asyncio
import ctypes
import logging
import os
import signal
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult


class Sink:
    def __init__(self, maildir, fail_flag):
        self.maildir = maildir
        self.fail_flag = fail_flag
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.fail_flag and os.path.exists(self.fail_flag):
            return "451 4.3.0 Temporary failure (test flag set)"
        self.count += 1
        lines = [f"X-Envelope-From: {envelope.mail_from}"]
        lines += [f"X-Envelope-To: {rcpt}" for rcpt in envelope.rcpt_tos]
        if session.authenticated:
            lines.append(f"X-Envelope-Auth: {session.auth_data.login.decode()}")
        ssl_object = server.transport.get_extra_info("ssl_object") if server.transport else None
        if ssl_object is not None:
            lines.append(f"X-Envelope-TLS: {ssl_object.version()}")
        head = ("\r\n".join(lines) + "\r\n").encode()
        path = os.path.join(self.maildir, f"{self.count}.eml")
        temporary = path + ".tmp"
        with open(temporary, "wb") as f:
            f.write(head + envelope.original_content)
        os.rename(temporary, path)
        return "250 OK"


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    return authenticate


def tls_context(cert_and_key):
    cert, key = cert_and_key.split(",", 1)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def end_with_parent():
    PR_SET_PDEATHSIG = 1
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")
    # The parent may have died before the request: then we are orphaned already.
    if os.getppid() == 1:
        sys.exit(0)


async def main():
    end_with_parent()
    parser = argparse.ArgumentParser()
    parser.add_argument("maildir")
    parser.add_argument("--fail-flag")
    parser.add_argument("--auth")
    parser.add_argument("--starttls")
    parser.add_argument("--smtps")
    args = parser.parse_args()
    # AUTH without TLS is what the tests mean to exercise: no warning about it.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    handler = Sink(args.maildir, args.fail_flag)
    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)
        options = dict(
            auth_required=True,
            auth_require_tls=False,
            authenticator=authenticator_for(user, password),
        )
    implicit_tls = None
    if args.starttls:
        options.update(tls_context=tls_context(args.starttls), require_starttls=True)
    if args.smtps:
        implicit_tls = tls_context(args.smtps)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="sink.test", **options),
        host="127.0.0.1",
        port=0,
        ssl=implicit_tls,
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)

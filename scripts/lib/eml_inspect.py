#!/usr/bin/env python3
"""Parses one .eml file with Python's email package (strict modern policy) and prints JSON.

Used by the Mail tests as an independent MIME parser: what it decodes is what a real mail
client would show. Usage: eml_inspect.py FILE
"""
import base64
import email
import email.policy
import json
import sys


def main() -> int:
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = []
    for part in msg.walk():
        defects += [type(d).__name__ for d in part.defects]
        for name, value in part.items():
            defects += [f"{name}: {type(d).__name__}" for d in getattr(value, "defects", ())]
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    out = {
        "content_type": msg.get_content_type(),
        "from": str(msg["From"]) if msg["From"] else None,
        "from_addresses": [a.addr_spec for a in msg["From"].addresses] if msg["From"] else [],
        "to": [a.addr_spec for a in msg["To"].addresses] if msg["To"] else [],
        "to_names": [a.display_name for a in msg["To"].addresses] if msg["To"] else [],
        "cc": [a.addr_spec for a in msg["Cc"].addresses] if msg["Cc"] else [],
        "reply_to": [a.addr_spec for a in msg["Reply-To"].addresses] if msg["Reply-To"] else [],
        "has_bcc": "Bcc" in msg,
        "subject": str(msg["Subject"]) if msg["Subject"] is not None else None,
        "message_id": str(msg["Message-ID"]) if msg["Message-ID"] else None,
        "date": str(msg["Date"]) if msg["Date"] else None,
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
        "attachments": [
            {
                "filename": a.get_filename(),
                "content_type": a.get_content_type(),
                "data_base64": base64.b64encode(a.get_payload(decode=True)).decode("ascii"),
            }
            for a in msg.iter_attachments()
        ],
        "defects": defects,
    }
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

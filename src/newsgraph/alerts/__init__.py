"""Alerts: how watches' matches reach people.

atom.py      a watch's Atom feed (for feed readers; a stylesheet makes it readable in a browser)
webhooks.py  signed JSON POSTs from the delivery queue: retries, backoff, pause; the worker loop
transport.py the POST itself: only to checked public addresses, no redirect, no proxy
digest.py    a period's matches by watch, as Markdown or JSON, for a cron job to send

The watches themselves, their matching at ingest and the delivery queue are in
`newsgraph.store.watches`. Imports: `store` ← `alerts` ← `api`/`web`/`cli`.
"""

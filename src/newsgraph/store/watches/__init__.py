"""Watches: saved queries over facts that alert when a new article matches.

spec.py     what a watch asks for (one pydantic model per kind), and how it is shown
terms.py    the search syntax matched in Python against one text (Porter stems, as FTS5)
keys.py     the watch index: the keys a watch is found by, the keys an article holds
match.py    match_stored(conn, articles, moved, merged): called by the writer, in its transaction
follow.py   watches follow the entities and stories they name when those are merged
manage.py   create, list, show, delete and resume watches
targets.py  webhook URLs reach only the public internet (unless private targets are allowed)
entries.py  a watch's matches as entries (Atom feed, webhook body, digest)
queue.py    the webhook queue: claim due deliveries, record sent and failed ones

Delivery itself (HTTP, signatures, the worker loop), the Atom feed and the digest are in
`newsgraph.alerts`.
"""

"""The failure boundary: what one input's exception becomes.

Components and readers raise; they never turn a failure into an empty result. Each article (and
each input file a batch reads) passes one boundary, `reject`, which turns its exception into a
`Rejected` with the reason, so the run goes on and reports it (the CLI prints "skipped ORIGIN:
REASON" and counts reasons, ingest and batch count them in their summaries):

- an `InputError` (empty or oversized article, not English, undecodable bytes) is an expected
  rejection: its message is the reason, in every mode;
- the time limit (`watchdog.ArticleTimeout`) is one too: "timed out after N s";
- any other exception is a bug: it becomes "STAGE failed: TYPE: MESSAGE" (an `ExtractionError`
  raised by the pipeline already names the component: "extraction failed in newsgraph_quotes:
  KeyError: 'e7'") — unless `strict` is set (`Settings.strict`, `NEWSGRAPH_STRICT=1`, which the
  test suite sets), in which case it is raised again, so an injected bug fails the tests.
"""

from __future__ import annotations

import logging

from newsgraph.errors import ExtractionError, InputError
from newsgraph.sources.base import Rejected
from newsgraph.watchdog import ArticleTimeout

LOGGER = logging.getLogger(__name__)


def reject(
    origin: str,
    exc: BaseException,
    *,
    id: str | None = None,
    strict: bool = False,
    stage: str = "extraction",
) -> Rejected:
    """Return the rejection of the input at `origin` that raised `exc` (see the module docstring).

    Call it from an `except` clause: with `strict`, an exception that is not an expected
    rejection is raised again, with its traceback.

    Args:
        origin: where the input came from (`path`, `path:line`), for the report.
        exc: what the input raised.
        id: the input's id, kept in the rejection.
        strict: raise bugs again instead of rejecting the input.
        stage: the step that failed, the reason's first words ("extraction", "reading").
    """
    if isinstance(exc, InputError):
        return Rejected(origin, _without_origin(exc.message, origin), id=id)
    if isinstance(exc, ArticleTimeout):
        LOGGER.warning("%s: %s %s", origin, stage, exc.reason)
        return Rejected(origin, exc.reason, id=id)
    if strict or not isinstance(exc, Exception):
        raise exc
    LOGGER.warning("%s: %s failed", origin, stage, exc_info=exc)
    if isinstance(exc, ExtractionError):
        return Rejected(origin, exc.message, id=id)
    return Rejected(origin, f"{stage} failed: {type(exc).__name__}: {exc}", id=id)


def _without_origin(message: str, origin: str) -> str:
    prefix = f"{origin}: "
    return message[len(prefix) :] if message.startswith(prefix) else message

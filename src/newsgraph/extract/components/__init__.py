"""newsgraph's spaCy components, one module per concern, each registering its factory.

Importing this package registers every factory (`newsgraph_entities`, `newsgraph_quotes`, …).
The same factories are exposed through the `spacy_factories` entry point, so a spaCy user can
add them to a pipeline of their own.
"""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")

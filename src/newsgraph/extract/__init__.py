"""NLP: the spaCy pipeline and newsgraph's components. Never imports `store` or `api`."""

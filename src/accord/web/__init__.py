"""The web side of accord: the JSON API (:mod:`accord.web.api`), the dashboard that reads it
and the API page (:mod:`accord.web.dashboard`, files in ``static/``), the write endpoint that
exists only when enabled (:mod:`accord.web.writes`) and the headers, token and origin checks
(:mod:`accord.web.security`)."""

"""The web side of accord: the JSON API (:mod:`accord.web.api`) and the dashboard that reads it
(:mod:`accord.web.dashboard`, files in ``static/``)."""

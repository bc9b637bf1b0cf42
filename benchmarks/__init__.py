"""accord's benchmarks: figures, never assertions. Run from the checkout (they are not part of
the installed package)::

    python -m benchmarks                    # throughput and memory: bare spaCy, extract, ingest
    python -m benchmarks --queries          # query latency on a synthetic store of 1 M events

- :mod:`benchmarks.throughput`: each stage in a fresh process on the same articles (by default
  the WiNER-fr 2016 articles of ``../shared/data/winer-fr-2016`` beside the checkout);
- :mod:`benchmarks.queries`: the latency of the store's queries and of the API per family;
- :mod:`benchmarks.synthetic`: the seeded synthetic store those queries run on, written by
- :mod:`benchmarks.bulk`: a writer that gives the rows ``accord ingest`` gives, much faster.
"""

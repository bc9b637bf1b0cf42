"""accord's evaluation harnesses, run from the checkout (not part of the installed package).

- ``python -m evaluation.winer [DIR]``: person, organisation and place spans on WiNER-fr
  against the bare model's NER (:mod:`evaluation.winer`);
- ``python -m evaluation.timebank DIR``: date resolution on the French TimeBank
  (:mod:`evaluation.timebank`);
- ``python evaluation/errors.py GOLD PRED``: missed and extra events and actors per document;
- ``python evaluation/validate_gold.py GOLD``: the format check of a gold file;
- ``python evaluation/train_event_filter.py``: rebuilds the learned event filter;
- ``gold/``: the project's own development gold files.

Scoring a gold file is a user feature of the package: ``accord eval GOLD.jsonl``.
"""

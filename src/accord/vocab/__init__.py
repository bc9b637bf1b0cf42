"""The vocabularies and engines the coders use, each reading its data files under
``accord/data``: French dates (:mod:`.dates`), numbers (:mod:`.numbers`), places and country
names (:mod:`.geo`), public figures and bodies (:mod:`.known`), the trigger and word lists
(:mod:`.lexicon`), the PLOVER ontology (:mod:`.ontology`) and name folding (:mod:`.text`).
Nothing here touches spaCy; the store, the queries and the exports use some of them too."""

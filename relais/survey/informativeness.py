"""How much an open answer says: vague detection, a 0..1 score, and the follow-up decision.

Measures, on one answer:

- ``length``: number of words (after :func:`relais.routing.normalize.normalize_text`);
- ``content_words``: tokens spaCy (``fr_core_news_sm``, loaded once, lazily) tags NOUN, PROPN,
  VERB, ADJ or ADV, that are neither stop words nor chat fillers ("jsp", "mdr", "trop", "wesh"…);
- ``specificity``: share of the content words that are not generic ("chose", "truc", "bien",
  "nul", "sympa", "faire"…); 0 when there is no content word.

Score::

    score = 0.3 * min(1, length / 15) + 0.4 * min(1, content_words / 6) + 0.3 * specificity
    score = min(score, 0.25) when the answer is vague

An answer is **vague** when, once softeners ("euh", "trop", "vraiment", "mdr"…) are removed, it is
a known vague answer ("jsp", "bof", "rien", "c nul", "je sais pas", "aucune idée", "osef"…), or
has at most one word, or has no specific content word ("des trucs bien", "c'était nul").

A follow-up (the question's ``followup`` text) is offered only on open, non-factual questions,
for a vague answer, never on a skip or a stop, at most once per question. Free text given on a
choice question ("other") gets no follow-up: choice questions stay quick.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from relais.routing.normalize import normalize_text
from relais.survey.answers import ParsedAnswer
from relais.survey.questionnaire import Question

__all__ = ["VAGUE_ANSWERS", "Informativeness", "assess", "needs_followup", "preload"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


log = logging.getLogger(__name__)

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
_VAGUE_CAP = 0.25


def _phrases(text: str) -> frozenset[str]:
    return frozenset(normalize_text(line) for line in text.strip().splitlines() if line.strip())


# Whole answers that say nothing (normalized); from the youth chat lexicon and survey practice.
VAGUE_ANSWERS = _phrases(
    """
    jsp
    jsais pas
    chai pas
    chais pas
    sais pas
    je sais pas
    je ne sais pas
    je sais plus
    je sais pas moi
    je vois pas
    aucune idée
    pas d'idée
    nsp
    idk
    bof
    bof bof
    mouais
    rien
    rien de spécial
    rien de particulier
    rien à dire
    nada
    ras
    nul
    c nul
    c'est nul
    c'était nul
    nul à chier
    ok
    oki
    okay
    normal
    normal quoi
    c'était normal
    ça va
    cv
    bien
    c'est bien
    c'était bien
    pas mal
    pas grand chose
    pas grand-chose
    osef
    on s'en fout
    jpp
    mdr
    lol
    oui
    ouais
    non
    nan
    pas trop
    pareil
    comme ça
    voilà
    tout
    je m'en fiche
    """
)

# Removed before comparing with the vague answers.
_SOFTENERS = _words(
    "euh heu bah ben bon trop vraiment franchement grave genre voila quoi hmm mdr lol ptdr xd "
    "enfin bref perso honnetement sincerement deja un peu tres"
)

# Tokens that are never content words, whatever spaCy says.
_FILLERS = _words(
    """
    jsp jsais chai chais sais nsp idk mdr lol ptdr xd wesh wsh bah ben euh heu hmm genre trop
    vraiment grave franchement voila quoi tkt tqt jpp osef bof mouais ok oki okay ouais ui oui
    non nan nn c g t ya pk pq pcq psk ke bcp tt mm dc ms pr ds ac stp svp slt bjr cc vrmt grv
    askip tmtc oklm sah wallah wlh frr
    """
)

# Content words too generic to say anything specific (forms and lemmas, normalized).
_GENERIC = _words(
    """
    chose choses truc trucs machin bidule bail bails bien mal nul nulle nuls bon bonne mauvais
    mauvaise cool sympa super top genial normal normale moyen pareil faire fait etre avoir aller
    dire savoir voir gens tout rien personne idee interessant important chiant relou bizarre
    grave simple facile dur difficile beaucoup peu tres vrai vraiment ouf naze claque pourri
    gentil gentille ca cela ok grand petit petite
    """
)


@dataclass(frozen=True)
class Informativeness:
    """How informative one answer is (see the module docstring for the formula)."""

    score: float  # 0..1
    vague: bool
    content_words: int
    length: int
    specificity: float  # 0..1


@functools.cache
def _tagger() -> Callable[[str], list[tuple[str, str, str, bool]]] | None:
    """(text, lemma, POS, is_stop) per token with spaCy, or None when the model is missing."""
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm", exclude=["parser", "ner", "senter"])
    except (ImportError, OSError) as error:  # pragma: no cover - depends on the environment
        log.warning("spaCy French model unavailable (%s): informativeness uses word lists", error)
        return None

    def tag(text: str) -> list[tuple[str, str, str, bool]]:
        return [
            (token.text, token.lemma_, token.pos_, token.is_stop)
            for token in nlp(text)
            if not token.is_punct and not token.is_space
        ]

    return tag


def preload() -> bool:
    """Load the spaCy model now (a few seconds) rather than on the first answer; False if absent."""
    return _tagger() is not None


def _content(text: str) -> list[tuple[str, str]]:
    """The content words of ``text`` as (normalized form, normalized lemma)."""
    tagger = _tagger()
    if tagger is None:  # pragma: no cover - fallback without the model
        return [
            (token, token)
            for token in normalize_text(text).split()
            if len(token) > 2 and token not in _FILLERS and token not in _GENERIC_FALLBACK_STOPS
        ]
    words: list[tuple[str, str]] = []
    for form, lemma, pos, is_stop in tagger(text):
        normalized = normalize_text(form)
        if pos not in _CONTENT_POS or is_stop or not normalized:
            continue
        if normalized in _FILLERS:
            continue
        words.append((normalized, normalize_text(lemma)))
    return words


_GENERIC_FALLBACK_STOPS = _words(
    "les des une est etait sont mais pour par avec dans sur pas plus tout que qui quoi elle ils "
    "nous vous leur mes mon ton tes ses son cette ces aux ete avait avais suis etais"
)


def assess(text: str) -> Informativeness:
    """Measure how much ``text`` says (see the module docstring)."""
    tokens = normalize_text(text).split()
    length = len(tokens)
    content = _content(text) if tokens else []
    specific = [form for form, lemma in content if form not in _GENERIC and lemma not in _GENERIC]
    specificity = len(specific) / len(content) if content else 0.0
    core = " ".join(token for token in tokens if token not in _SOFTENERS)
    vague = core in VAGUE_ANSWERS or not core or length <= 1 or not specific
    score = 0.3 * min(1.0, length / 15) + 0.4 * min(1.0, len(content) / 6) + 0.3 * specificity
    if vague:
        score = min(score, _VAGUE_CAP)
    return Informativeness(
        score=round(score, 3),
        vague=vague,
        content_words=len(content),
        length=length,
        specificity=round(specificity, 3),
    )


def needs_followup(question: Question, answer: ParsedAnswer, already_followed_up: bool) -> bool:
    """True when the question's one follow-up should be asked after ``answer``."""
    if already_followed_up or answer.skipped or answer.stop:
        return False
    if question.type != "open" or question.factual or not question.followup:
        return False
    return answer.text is not None and assess(answer.text).vague

"""PlaceGuard, DistressGuard and TfidfLogisticRegressionClassifier, run as Rasa runs them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from nlu.components.distress_guard import DistressGuard
from nlu.components.place_guard import PlaceGuard
from nlu.components.tfidf_logreg import (
    TfidfLogisticRegressionClassifier,
    inverse_document_frequency,
    tfidf,
)
from relais.safety.distress import detect_distress

TRAIN = [
    ("je cherche du travail", "ask_job"),
    ("jcherche un taf", "ask_job"),
    ("un boulot vite", "ask_job"),
    ("je cherche un logement", "ask_housing"),
    ("un appart pas cher", "ask_housing"),
    ("jai besoin d un logement", "ask_housing"),
    ("salut", "greet"),
    ("bonjour", "greet"),
    ("wesh", "greet"),
]


def _context(name: str) -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name=name)


def _featurised(texts: list[str], vectorizer: CountVectorizer) -> list[Message]:
    """Messages with sentence-level sparse counts and a small dense vector, as featurizers set."""
    messages = []
    counts = vectorizer.transform(texts)
    for row, text in enumerate(texts):
        message = Message(data={TEXT: text})
        message.add_features(
            Features(csr_matrix(counts[row]), "sentence", TEXT, "CountVectorsFeaturizer")
        )
        dense = np.array([[len(text), text.count(" ") + 1, 1.0]], dtype=np.float32)
        message.add_features(Features(dense, "sentence", TEXT, "SpacyFeaturizer"))
        messages.append(message)
    return messages


def test_tfidf_matches_scikit_learn() -> None:
    counts = CountVectorizer().fit_transform(
        ["aa bb bb cc", "aa aa aa", "cc dd", "dd dd dd dd bb", "ee"]
    )
    expected = TfidfTransformer(sublinear_tf=True).fit_transform(counts).toarray()
    got = tfidf(counts, inverse_document_frequency(counts)).toarray()
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)


def test_classifier_trains_persists_loads_and_predicts(tmp_path: Path) -> None:
    vectorizer = CountVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit([t for t, _ in TRAIN])
    examples = _featurised([t for t, _ in TRAIN], vectorizer)
    for message, (_, intent) in zip(examples, TRAIN, strict=True):
        message.set(INTENT, intent)
    storage = LocalModelStorage(tmp_path)
    resource = Resource("tfidf_logreg")
    config = {**TfidfLogisticRegressionClassifier.get_default_config(), "C": 100}
    trained = TfidfLogisticRegressionClassifier.create(
        config, storage, resource, _context("tfidf_logreg")
    )
    trained.train(TrainingData(training_examples=examples))

    loaded = TfidfLogisticRegressionClassifier.load(
        config, storage, resource, _context("tfidf_logreg")
    )
    assert loaded.idf is not None
    queries = _featurised(["jcherche du taf", "un logement stp", "wesh"], vectorizer)
    loaded.process(queries)
    assert [m.get(INTENT)["name"] for m in queries] == ["ask_job", "ask_housing", "greet"]
    ranking = queries[0].get(INTENT_RANKING_KEY)
    assert ranking[0]["name"] == "ask_job"
    assert sum(item["confidence"] for item in ranking) == pytest.approx(1.0)


def test_classifier_without_a_trained_model_leaves_messages_alone(tmp_path: Path) -> None:
    config = TfidfLogisticRegressionClassifier.get_default_config()
    component = TfidfLogisticRegressionClassifier.load(
        config, LocalModelStorage(tmp_path), Resource("missing"), _context("missing")
    )
    message = Message(data={TEXT: "bonjour"})
    component.process([message])
    assert message.get(INTENT) is None


def _guarded(
    text: str, intent: str, confidence: float, distress: float = 0.1, places: bool = False
) -> Message:
    """``text`` classified as ``intent``, with ``distress`` second, then through the guard(s).

    With ``places``, PlaceGuard runs first, as in config.yml.
    """
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    ranking = [{"name": intent, "confidence": confidence}]
    if intent != "distress":
        ranking.append({"name": "distress", "confidence": distress})
    message.set(INTENT_RANKING_KEY, ranking)
    guards: list[type[PlaceGuard] | type[DistressGuard]] = [DistressGuard]
    if places:
        guards.insert(0, PlaceGuard)
    for guard in guards:
        component = guard.create(
            guard.get_default_config(), None, Resource("guard"), _context("guard")
        )
        component.process([message])
    return message


def _kinds(message: Message) -> list[str]:
    return [e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == "distress_kind"]


def test_guard_forces_distress_when_a_rule_fires() -> None:
    message = _guarded("jsuis sur le pont la jpense a sauter", "out_of_scope", 0.8)
    assert message.get(INTENT) == {"name": "distress", "confidence": 1.0}
    ranking = message.get(INTENT_RANKING_KEY)
    assert [item["name"] for item in ranking] == ["distress", "out_of_scope"]
    assert ranking[1]["confidence"] == pytest.approx(0.4)
    assert _kinds(message) == ["suicide"]


def test_guard_keeps_a_model_only_distress_above_the_fallback_threshold() -> None:
    # 0.35 would fall to nlu_fallback (threshold 0.4): the guard must not let it.
    text = "ça va pas du tout en ce moment"
    assert detect_distress(text) is None  # the model alone says distress
    message = _guarded(text, "distress", 0.35)
    assert message.get(INTENT) == {"name": "distress", "confidence": 1.0}
    assert _kinds(message) == ["unspecified"]


def test_guard_takes_distress_as_second_choice_from_the_floor() -> None:
    message = _guarded("ça va pas du tout en ce moment", "ask_health", 0.45, distress=0.3)
    assert message.get(INTENT)["name"] == "distress"
    assert _kinds(message) == ["unspecified"]
    below = _guarded("ça va pas du tout en ce moment", "ask_health", 0.45, distress=0.29)
    assert below.get(INTENT) == {"name": "ask_health", "confidence": 0.45}
    assert _kinds(below) == []


def test_guard_leaves_ordinary_messages_alone() -> None:
    message = _guarded("je cherche un taf a argenteuil", "ask_job", 0.9)
    assert message.get(INTENT) == {"name": "ask_job", "confidence": 0.9}
    assert not message.get(ENTITIES)


def test_a_commune_name_alone_is_a_location_not_a_crisis() -> None:
    # "coulommiers" alone: round 6's classifier put all its weight on distress.
    message = _guarded("coulommiers", "distress", 0.62, places=True)
    assert message.get(INTENT) == {"name": "inform_location", "confidence": 1.0}
    assert message.get(INTENT_RANKING_KEY) == [{"name": "inform_location", "confidence": 1.0}]
    assert _kinds(message) == []
    for text in ("77120", "jhabite a st ouen l aumone", "paris 18", "pierrefitte"):
        reread = _guarded(text, "nlu_fallback", 0.3, distress=0.35, places=True)
        assert reread.get(INTENT)["name"] == "inform_location", text


def test_a_place_inside_a_crisis_or_a_need_changes_nothing() -> None:
    crisis = _guarded("jsuis a meaux et je veux mourir", "inform_location", 0.7, places=True)
    assert crisis.get(INTENT) == {"name": "distress", "confidence": 1.0}
    assert _kinds(crisis) == ["suicide"]
    need = _guarded("je cherche du taf a meaux", "ask_job", 0.8, places=True)
    assert need.get(INTENT) == {"name": "ask_job", "confidence": 0.8}
    for word in ("oui", "vert", "merci", "la tombe"):
        ordinary = _guarded(word, "affirm", 0.9, places=True)
        assert ordinary.get(INTENT)["name"] == "affirm", word

"""TfidfLogisticRegressionClassifier: Rasa's logistic regression on re-weighted features.

Rasa 3.6's ``LogisticRegressionClassifier`` feeds raw n-gram *counts* and the raw spaCy
sentence vector to a scikit-learn ``LogisticRegression`` with its fixed ``C=1``. With
~2,500 short messages and ~40,000 char n-gram columns, long messages then weigh more than
short ones and the strong regularisation flattens the probabilities (clear messages fell
below the fallback threshold). This component keeps the same featurizers and classifier
family, but:

- re-weights the sparse sentence features with TF-IDF (sublinear tf, L2-normalised rows),
- L2-normalises the dense sentence features (spaCy vector) and scales them by ``dense_weight``,
- exposes ``C`` (inverse regularisation), measured in ``nlu/PIPELINES.md``.

Use it in place of ``LogisticRegressionClassifier`` in ``config.yml``::

    - name: nlu.components.tfidf_logreg.TfidfLogisticRegressionClassifier
      C: 100
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

logger = logging.getLogger(__name__)

_CLASSIFIER_FILE = "classifier.skops"
_IDF_FILE = "idf.npy"


def inverse_document_frequency(counts: csr_matrix) -> np.ndarray:
    """Smoothed idf of each column, as scikit-learn's ``TfidfTransformer`` computes it."""
    n_rows = counts.shape[0]
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log((1 + n_rows) / (1 + document_frequency)) + 1.0


def tfidf(counts: csr_matrix, idf: np.ndarray) -> csr_matrix:
    """Sublinear tf (1 + log count) times idf, rows L2-normalised."""
    weighted = csr_matrix(counts, dtype=np.float64, copy=True)
    weighted.data = np.where(weighted.data > 0, 1.0 + np.log(np.abs(weighted.data) + 1e-12), 0.0)
    weighted = weighted.multiply(idf.reshape(1, -1)).tocsr()
    return normalize(weighted)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TfidfLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Logistic regression on TF-IDF sparse features and normalised dense features."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Rasa's defaults plus ``C`` and ``dense_weight``."""
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "max_iter": 3000,
            "C": 100.0,
            "dense_weight": 1.0,
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        name: Text,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf = LogisticRegression(
            C=float(self.config["C"]),
            solver=self.config["solver"],
            max_iter=self.config["max_iter"],
            class_weight="balanced",
            tol=self.config["tol"],
            random_state=self.config["random_state"],
        )
        self.idf: Optional[np.ndarray] = None

    def _raw_features(self, messages: List[Message]) -> Tuple[csr_matrix, np.ndarray]:
        """Sentence-level sparse and dense features of ``messages``, one row each."""
        sparse_rows = []
        dense_rows = []
        for message in messages:
            sparse = message.get_sparse_features(attribute=TEXT)[1]
            dense = message.get_dense_features(attribute=TEXT)[1]
            sparse_rows.append(csr_matrix(sparse.features) if sparse else None)
            dense_rows.append(np.asarray(dense.features).reshape(-1) if dense else None)
        width = next((row.shape[1] for row in sparse_rows if row is not None), 0)
        sparse_matrix = vstack(
            [row if row is not None else csr_matrix((1, width)) for row in sparse_rows]
        ).tocsr()
        dense_width = next((len(row) for row in dense_rows if row is not None), 0)
        if not dense_width:
            return sparse_matrix, np.zeros((len(messages), 0))
        dense_matrix = np.vstack(
            [row if row is not None else np.zeros(dense_width) for row in dense_rows]
        )
        return sparse_matrix, dense_matrix

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        """Weighted features: TF-IDF sparse block then scaled, normalised dense block."""
        sparse, dense = self._raw_features(messages)
        if self.idf is not None:
            sparse = tfidf(sparse, self.idf)
        blocks = [sparse]
        if dense.shape[1]:
            blocks.append(csr_matrix(float(self.config["dense_weight"]) * normalize(dense)))
        return hstack(blocks).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the TF-IDF weights, then the classifier."""
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("No intent examples: %s not trained.", self.__class__.__name__)
            return self._resource
        sparse, _ = self._raw_features(examples)
        self.idf = inverse_document_frequency(sparse)
        self.clf.fit(self._create_X(examples), [e.get(INTENT) for e in examples])
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Predict like the parent; an untrained component leaves messages as they are."""
        if self.idf is None:
            return messages
        return super().process(messages)

    def persist(self) -> None:
        """Save the classifier and the TF-IDF weights."""
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump(self.clf, model_dir / _CLASSIFIER_FILE)
            np.save(model_dir / _IDF_FILE, self.idf)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "TfidfLogisticRegressionClassifier":
        """Load the trained classifier (only scikit-learn's own types are accepted)."""
        import skops.io as sio

        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as model_dir:
                path = model_dir / _CLASSIFIER_FILE
                untrusted = sio.get_untrusted_types(file=path)
                if untrusted:
                    raise ValueError(f"untrusted types in {path.name}: {untrusted}")
                component.clf = sio.load(path, trusted=[])
                component.idf = np.load(model_dir / _IDF_FILE, allow_pickle=False)
        except (ValueError, FileNotFoundError) as error:
            logger.warning("%s not loaded (%s): untrained.", cls.__name__, error)
        return component

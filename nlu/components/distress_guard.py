"""DistressGuard: a Rasa 3.6 graph component that never lets a crisis message slip.

Place it after the intent classifier(s) and BEFORE ``FallbackClassifier``::

    - name: DIETClassifier
    - name: EntitySynonymMapper
    - name: nlu.components.distress_guard.DistressGuard
    - name: FallbackClassifier

When ``relais.safety.distress.detect_distress`` fires on the message text, the intent is
forced to ``distress`` with confidence 1.0 (first in ``intent_ranking``; the other intents
are kept after it with their confidences halved, so FallbackClassifier's ambiguity check
cannot override it), and each detected kind is added as an entity ``distress_kind``
(values: suicide, homeless, partner_violence, child_danger, immediate_danger, self_harm;
the most urgent first). When only the classifier predicted ``distress`` (no rule fired), an
entity ``distress_kind`` with value ``unspecified`` is added, so the dialogue always has a
value to branch on. The classifier's word counts too when ``distress`` is not its first
choice but gets at least ``model_floor`` of the probability (0.3: on 1,110 held-out messages
that caught a farewell-letter message the rules missed, for one false alarm); such a message,
like any model-only distress, is forced to ``distress`` so that FallbackClassifier cannot turn
a worried, low-confidence reading into "je n'ai pas compris".
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu.components.untrained import UntrainedComponent
from relais.safety.distress import detect_all_distress
from relais.safety.faint_signal import distress_weight

DISTRESS_INTENT = "distress"
DISTRESS_KIND_ENTITY = "distress_kind"
UNSPECIFIED_KIND = "unspecified"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class DistressGuard(UntrainedComponent):
    """Overrides the predicted intent with ``distress`` when the safety rules fire."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # name of the intent forced on a rule hit
            "intent": DISTRESS_INTENT,
            # name of the entity carrying the kind of distress
            "entity": DISTRESS_KIND_ENTITY,
            # add distress_kind=unspecified when only the classifier said "distress"
            "tag_model_predictions": True,
            # classifier probability of "distress" from which it is taken (not first choice)
            "model_floor": 0.3,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._intent = config.get("intent", DISTRESS_INTENT)
        self._entity = config.get("entity", DISTRESS_KIND_ENTITY)
        self._tag_model = bool(config.get("tag_model_predictions", True))
        self._floor = float(config.get("model_floor", 0.3))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    # ------------------------------------------------------------------ helpers

    def _process_one(self, message: Message) -> None:
        text: Optional[str] = message.get(TEXT)
        if not text:
            return
        kinds = [kind.value for kind in detect_all_distress(text)]
        if kinds:
            self._force_intent(message)
            self._add_kinds(message, text, kinds, extractor="DistressGuard")
            return
        if self._tag_model and self._model_says_distress(message):
            self._force_intent(message)
            self._add_kinds(
                message, text, [UNSPECIFIED_KIND], extractor="DistressGuard(model)"
            )

    def _model_says_distress(self, message: Message) -> bool:
        intent = message.get(INTENT) or {}
        if intent.get(INTENT_NAME_KEY) == self._intent:
            return True
        ranking = message.get(INTENT_RANKING_KEY) or []
        return distress_weight(ranking, self._intent) >= self._floor

    def _force_intent(self, message: Message) -> None:
        ranking = [
            {
                INTENT_NAME_KEY: item.get(INTENT_NAME_KEY),
                PREDICTED_CONFIDENCE_KEY: float(item.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
                * 0.5,
            }
            for item in (message.get(INTENT_RANKING_KEY) or [])
            if item.get(INTENT_NAME_KEY) != self._intent
        ]
        top = {INTENT_NAME_KEY: self._intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        message.set(INTENT, dict(top), add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(top), *ranking], add_to_output=True)

    def _add_kinds(
        self, message: Message, text: str, kinds: List[str], extractor: str
    ) -> None:
        entities = [
            e
            for e in (message.get(ENTITIES) or [])
            if e.get(ENTITY_ATTRIBUTE_TYPE) != self._entity
        ]
        for kind in kinds:
            entities.append(
                {
                    ENTITY_ATTRIBUTE_TYPE: self._entity,
                    ENTITY_ATTRIBUTE_VALUE: kind,
                    ENTITY_ATTRIBUTE_START: 0,
                    ENTITY_ATTRIBUTE_END: len(text),
                    ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
                    EXTRACTOR: extractor,
                }
            )
        message.set(ENTITIES, entities, add_to_output=True)

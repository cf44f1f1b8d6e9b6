"""PlaceGuard: a message that is nothing but a place is ``inform_location``.

Place it after the intent classifier and BEFORE ``DistressGuard``::

    - name: nlu.components.tfidf_logreg.TfidfLogisticRegressionClassifier
    - name: EntitySynonymMapper
    - name: nlu.components.place_guard.PlaceGuard
    - name: nlu.components.distress_guard.DistressGuard
    - name: FallbackClassifier

Asked where they live, young people answer "coulommiers" or "77120". In one word it has not
seen, the classifier spreads its probability, sometimes onto ``distress``: of the 1,257 commune
names outside Paris it read 11 as a crisis and let 277 fall back (nlu/PIPELINES.md, round 6).
When ``relais.routing.place_names.is_place_only`` says the message names one Île-de-France place
and nothing else, the intent becomes ``inform_location`` with confidence 1.0 and the ranking
holds that intent alone: the other weights were read off a word the model did not know, so
neither DistressGuard's floor nor the faint-signal line acts on them. DistressGuard's rules still
read the text.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu.components.untrained import UntrainedComponent

from relais.routing.place_names import is_place_only

LOCATION_INTENT = "inform_location"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class PlaceGuard(UntrainedComponent):
    """Reads a message made only of a commune name or postal code as ``inform_location``."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"intent": LOCATION_INTENT}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._intent = config.get("intent", LOCATION_INTENT)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text: Optional[str] = message.get(TEXT)
            if text and is_place_only(text):
                top = {INTENT_NAME_KEY: self._intent, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, dict(top), add_to_output=True)
                message.set(INTENT_RANKING_KEY, [dict(top)], add_to_output=True)
        return messages

"""The shared base of the NLU components that learn nothing (PlaceGuard, DistressGuard)."""

from __future__ import annotations

from typing import Any, Dict, Text, Type, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

Component = TypeVar("Component", bound="UntrainedComponent")


class UntrainedComponent(GraphComponent):
    """A graph component built from its config alone; training data passes through untouched."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = config

    @classmethod
    def create(
        cls: Type[Component],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Component:
        return cls({**cls.get_default_config(), **config})

    def process_training_data(self, training_data: Any) -> Any:
        return training_data

"""Tests of the custom Rasa graph components: they run in the Rasa environment only.

    make test-components
    (.venv-rasa/bin/python -m pytest tests/nlu_components --confcutdir tests/nlu_components)

In the application environment (no Rasa) the folder is not collected.
"""

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("rasa") else ["test_*.py"]

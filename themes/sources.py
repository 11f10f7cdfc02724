"""Where the examples for training the suggestion model come from.

The themes app knows nothing of complaints or ideas. The apps that own themed
items register a source in their AppConfig.ready(): a function that returns up
to `limit` of the newest items whose themes staff have confirmed, as
(text, theme ids).
"""

from collections.abc import Callable, Collection

Example = tuple[str, Collection[int]]  # (text, theme ids)
ExampleSource = Callable[[int], list[Example]]

_sources: dict[str, ExampleSource] = {}


def register_example_source(name: str, source: ExampleSource) -> None:
    _sources[name] = source


def gather_examples(*, limit_per_source: int) -> list[Example]:
    examples: list[Example] = []
    for name in sorted(_sources):
        examples.extend(_sources[name](limit_per_source))
    return examples

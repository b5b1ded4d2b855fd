"""Annotating in a child process: the models load and run there, the worker process only streams.

A process keeps inference off the worker's interpreter entirely (no GIL
shared with the event loop), at the price of pickling each batch both ways
and a second interpreter's memory. ``stancewire bench`` measures it against
the default thread side by side. The child is spawned, never forked: the
parent already runs an event loop and, with torch loaded, its threads.
"""

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from consumers.errors import InferenceProcessDied
from consumers.nlp.annotator import Annotation, Annotator
from consumers.settings import Settings
from schemas import RawArticle, Versions

R = TypeVar("R")

_annotator: Annotator | None = None  # the child's models, loaded once by its initializer


def _load(settings: Settings, loader: Callable[[Settings], Annotator]) -> None:
    global _annotator  # one annotator per child process, loaded once
    _annotator = loader(settings)


def _child() -> Annotator:
    if _annotator is None:
        raise RuntimeError("the inference process has no models (its initializer did not run)")
    return _annotator


def _versions() -> Versions:
    return _child().versions


def _annotate(articles: list[RawArticle]) -> list[Annotation | Exception]:
    return _child().annotate(articles)


class ChildProcessAnnotator:
    """An ``Annotator`` whose models live in one spawned child process."""

    def __init__(self, settings: Settings, loader: Callable[[Settings], Annotator]) -> None:
        """Spawn the child and wait until ``loader(settings)`` has loaded the models there.

        Args:
            settings: Passed to the child (pickled), so it loads exactly what the worker was configured with.
            loader: A module-level function building the annotator in the child.
        """
        spawn = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(1, mp_context=spawn, initializer=_load, initargs=(settings, loader))
        self._versions = self._call(_versions)

    @property
    def versions(self) -> Versions:
        return self._versions

    def annotate(self, articles: Sequence[RawArticle]) -> list[Annotation | Exception]:
        return self._call(_annotate, list(articles))

    def close(self) -> None:
        """Stop the child (it also stops when the worker process exits)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _call(self, function: Callable[..., R], *args: object) -> R:
        try:
            return self._pool.submit(function, *args).result()
        except BrokenProcessPool as error:
            raise InferenceProcessDied(
                "the inference process died (killed, or out of memory); stopping with nothing committed past it"
            ) from error

"""What every drill shares: no process of one outlives it."""

from collections.abc import Iterator

import pytest

from tests.faults.harness import Worker


@pytest.fixture(autouse=True)
def _reap_processes() -> Iterator[None]:
    yield
    Worker.reap()

"""Derive the shipped event tables from the PETRARCH2 dictionaries and PLOVER's CAMEO conversion table.

Run ``python -m consumers.nlp.training.event_tables [--data DIR] [--out DIR]``.
The dictionaries (by default ``event_dictionaries/`` in the data directory,
``consumers.datasets``) are read only here: the product reads the small JSON tables this
writes to ``consumers/nlp/data/events`` (see ``consumers.nlp.event_tables``)
and never the dictionaries, which are not copied into the repository. Nothing
is sampled and every table is written with sorted keys, so the same
dictionaries always give byte-identical files; the unit test regenerates them
and compares.

- ``verbs.json``: the CAMEO verb dictionary's verbs with the PLOVER event of
  their CAMEO code, and the verb + object patterns whose event differs from the
  verb's own ("hold talks" is CONSULT although "hold" alone is no event).
- ``agents.json``: common nouns for actors ("police", "warplanes") and the
  sector each stands for.
- ``actors.json.gz``: named people with country, sector and term dates, and
  named groups (IGOs, NGOs, companies, armed groups, national institutions).
  The dictionaries' people end about 2015; the committed table of office
  holders since then (``consumers.nlp.training.officials``) is merged over
  them, and wins from each listed person's first term on; the committed table
  of armed groups and cartels since then (``consumers.nlp.training.groups``)
  is merged over the groups; the cities and regions the country records list
  are joined by the committed table of places in news since then
  (``consumers.nlp.training.recent_places``), which wins for its names.
"""

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from consumers.datasets import DEFAULT_DATA_DIR, EVENT_DICTIONARIES, MissingData, data_dir, require
from consumers.nlp.training.cameo_verbs import (
    FUNCTION,
    Block,
    Words,
    build_verbs,
    read_plover,
    read_verb_dictionary,
    split_words,
)
from consumers.nlp.training.groups import merge_groups, read_groups
from consumers.nlp.training.officials import merge_officials, read_officials
from consumers.nlp.training.phoenix_actors import (
    ARMED_GROUP_FILE,
    COUNTRY_FILE,
    INTERNATIONAL_FILE,
    build_actors,
    country_codes,
)
from consumers.nlp.training.phoenix_agents import build_agents
from consumers.nlp.training.phoenix_places import build_places
from consumers.nlp.training.phoenix_records import JOINING_WORDS, DateReport, read_actor_records
from consumers.nlp.training.recent_places import merge_places, read_places

REPO = Path(__file__).resolve().parents[3]


DEFAULT_DATA = DEFAULT_DATA_DIR / EVENT_DICTIONARIES


DEFAULT_OUT = REPO / "consumers" / "nlp" / "data" / "events"


VERB_FILE = "CAMEO.2.0.txt"


PLOVER_FILE = "CAMEO2PLOVER-2021.txt"


AGENT_FILE = "Phoenix.agents.txt"


SOURCE_FILES = (VERB_FILE, PLOVER_FILE, AGENT_FILE, COUNTRY_FILE, INTERNATIONAL_FILE, ARMED_GROUP_FILE)


# The people, groups and places table is 2.6 MB as text, more than the rest together: it ships gzipped (0.4 MB),
# the other two stay plain so their diffs can be read.
VERBS_TABLE = "verbs.json"


AGENTS_TABLE = "agents.json"


ACTORS_TABLE = "actors.json.gz"


def everyday_words(
    synsets: Mapping[str, tuple[Words, ...]], blocks: list[Block], agents: Iterable[str]
) -> frozenset[str]:
    """English words the verb and agent dictionaries use: verbs, pattern and synonym words, agent nouns."""
    words = {word for members in synsets.values() for member in members for word in member}
    for block in blocks:
        words.update(word for lemma, _ in block.verbs for word in lemma.split())
        words.update(word for body, _, _ in block.patterns for word in split_words(re.sub(r"[^\w\s'-]", " ", body)))
    words.update(word for noun in agents for word in noun.split())
    return frozenset(words | FUNCTION | JOINING_WORDS)


def people_words(people: Iterable[str]) -> frozenset[str]:
    """People's full names and their single words: a place that is also a name ("Georgia") is no sure place."""
    return frozenset(name for full in people for name in (full, *full.split()))


def render(value: Any, depth: int) -> str:
    """JSON with sorted keys, one entry per line for the first ``depth`` levels of objects (readable diffs)."""
    if depth == 0 or not isinstance(value, dict) or not value:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    items = [f"{json.dumps(key, ensure_ascii=False)}:{render(value[key], depth - 1)}" for key in sorted(value)]
    return "{\n" + ",\n".join(items) + "\n}"


def write_tables(data: Path, out: Path) -> dict[str, Any]:
    """Derive every table from the dictionaries in ``data`` into ``out``; returns counts for the summary."""
    missing = [name for name in SOURCE_FILES if not (data / name).is_file()]
    if missing:
        raise SystemExit(f"event dictionaries not found: {data} lacks {', '.join(missing)}")
    synsets, blocks = read_verb_dictionary(data / VERB_FILE)
    verbs = build_verbs(synsets, blocks, read_plover(data / PLOVER_FILE))
    agents = build_agents(data / AGENT_FILE)
    common = everyday_words(synsets, blocks, agents)
    actors, report = build_actors(data, common)
    officials = read_officials()
    actors["people"] = merge_officials(actors["people"], officials)
    actors["groups"] = merge_groups(actors["groups"], read_groups())
    records = list(read_actor_records(data / COUNTRY_FILE, DateReport()))
    places = build_places(records, country_codes(records), common | people_words(actors["people"]))
    actors["places"] = merge_places(places, read_places(), actors["people"])
    out.mkdir(parents=True, exist_ok=True)
    tables = {VERBS_TABLE: (verbs, 2), AGENTS_TABLE: (agents, 1), ACTORS_TABLE: (actors, 2)}
    sizes = {}
    for name, (table, depth) in tables.items():
        raw = (render(table, depth) + "\n").encode("utf-8")
        if name.endswith(".gz"):
            raw = gzip.compress(raw, compresslevel=9, mtime=0)
        (out / name).write_bytes(raw)
        sizes[name] = len(raw)
    return {
        "sizes": sizes,
        "verbs": len(verbs["verbs"]),
        "verbs_with_patterns": len(verbs["patterns"]),
        "patterns": sum(len(found) for found in verbs["patterns"].values()),
        "agents": len(agents),
        "people": len(actors["people"]),
        "person_records": report.people,
        "official_names": len(officials),
        "groups": len(actors["groups"]),
        "group_records": report.groups,
        "places": len(actors["places"]),
        "conflicting_group_keys": len(report.conflicting_groups),
        "unreadable_dates": sorted(set(report.dates.unreadable)),
    }


def main(argv: list[str] | None = None) -> None:
    """Write the tables and print what they hold."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data", type=Path, default=data_dir() / EVENT_DICTIONARIES, help="folder with the PETRARCH2 and PLOVER files"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder the JSON tables are written to")
    args = parser.parse_args(argv)
    try:
        require([args.data])  # the folder alone when it is missing, each file when some are
        require(args.data / name for name in SOURCE_FILES)
    except MissingData as error:
        print(f"event tables: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    summary = write_tables(args.data, args.out)
    sizes = " ".join(f"{name}={size / 1024:.0f}KiB" for name, size in summary.pop("sizes").items())
    print(f"event tables -> {args.out}: {sizes}")
    print(" ".join(f"{key}={value}" for key, value in summary.items()))


if __name__ == "__main__":
    main()

"""Armed groups and cartels since 2015, and organisations the dictionaries lack, merged over their groups.

The Phoenix dictionaries stop about 2015: the Houthis, the Rapid Support
Forces, the Syrian Democratic Forces, M23 or JNIM are missing there, or
listed under a name news no longer uses, so the coder would take "Sudan's
Rapid Support Forces" for Sudan's army and "the SDF" for an unknown body;
a few long-standing organisations are missing too (Save the Children) or
have another sector (the International Criminal Court is a court).
``data/groups_since_2015.tsv`` lists them from public record, one row per
group: name, country (ISO3, empty for a transnational group), sector and
other names (acronyms, older names). Every name and alias, lower case and
with accents folded as the dictionaries' keys are, becomes a key that wins
over the dictionaries' record for it, and stands for the row's name: an entity
named by its initials and one named in full are one.
"""

from collections.abc import Mapping
from pathlib import Path

from consumers.nlp.training.hand_tables import read_rows, row_keys

GROUPS_FILE = Path(__file__).with_name("data") / "groups_since_2015.tsv"


COLUMNS = ("name", "country", "sector", "aliases")


def read_groups(path: Path = GROUPS_FILE) -> dict[str, dict[str, str | None]]:
    """Lower-case name (each spelling, aliases too) -> ``{country, sector, name}``; ``name`` is the row's, in full."""
    groups: dict[str, dict[str, str | None]] = {}
    for row in read_rows(path, COLUMNS, ("name", "sector")):
        value: dict[str, str | None] = {"country": row["country"] or None, "sector": row["sector"], "name": row["name"]}
        for key in row_keys(row):
            if groups.setdefault(key, value) != value:
                raise ValueError(f"{path}: {key!r} names two groups")
    return groups


def merge_groups(
    groups: Mapping[str, dict[str, str | None]], recent: Mapping[str, dict[str, str | None]]
) -> dict[str, dict[str, str | None]]:
    """The dictionaries' groups with the table's keys taken over (module doc)."""
    return {**groups, **recent}

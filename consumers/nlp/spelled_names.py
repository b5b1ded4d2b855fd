"""Names of organisations written with everyday words, which a small NER model reads as plain English.

"Doctors Without Borders", "Save the Children" and "Jama'at Nusrat al-Islam
wal-Muslimin" are capitalised phrases of nouns, verbs and small words, so
neither the model nor a proper-noun run finds them; the groups table knows
them by name, so a capitalised phrase that is exactly one of its names is
that organisation.
"""

from consumers.nlp.event_tables import known_actors
from consumers.nlp.spans import ParsedText, RawSpan

LONGEST = 8  # words: "International Committee of the Red Cross"
# Only organisations acting in their own name: a state body in the table ("Supreme Court") has a country the
# text may contradict, and the model tags those anyway.
KINDS = {"ngo", "igo", "rebels", "criminals", "judiciary"}


def spelled_names(parsed: ParsedText) -> list[RawSpan]:
    """ORG spans for the capitalised phrases of two words or more that the groups table names, longest first."""
    doc, text = parsed.doc, parsed.text
    groups = known_actors().groups
    found: list[RawSpan] = []
    index = 0
    while index < len(doc):
        first = doc[index]
        if not first.text[:1].isupper() or first.lower_ == "the":
            index += 1
            continue
        for end in range(min(len(doc), index + LONGEST), index + 1, -1):
            last = doc[end - 1]
            if not last.text[:1].isupper():
                continue
            name = text[first.idx : last.idx + len(last.text)]
            group = groups.get(" ".join(name.lower().split()))
            if group is not None and group.sector in KINDS and " " in name:
                found.append(RawSpan(first.idx, last.idx + len(last.text), "ORG"))
                index = end - 1
                break
        index += 1
    return found

"""Language detection for articles published without a ``language`` field.

The models read English only, and an article that declares no language used
to be annotated as English whatever it was written in. Decode asks this
module instead, and dead-letters what it is sure is another language.

Why lingua (``lingua-language-detector``): its models ship inside the wheel
(no download at run time), it is typed and deterministic, and over the
languages below in low accuracy mode it adds 60-70 MB of RSS (models
preloaded) and takes about 0.6 ms per article sample (1.5 ms on a whole
3 KB article). langdetect, measured alongside, took about 60 MB and 1.6 ms,
is random unless a global seed is set, and has no type hints. lingua's high
accuracy mode (its default) would cost about 430 MB for the same languages
and is only better on short texts, which are not judged here anyway.
"""

from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# English plus the languages most of the world's news is published in: the
# candidates an article is compared with. Fewer candidates keep the memory
# low; a language missing here is taken for its nearest neighbour, which is
# as good as right when only English is allowed (any answer but English
# rejects it). Allowed languages are added to these (see `detect_language`).
NEWS_LANGUAGES = frozenset(
    {
        Language.ENGLISH,
        Language.ARABIC,
        Language.CHINESE,
        Language.CZECH,
        Language.DUTCH,
        Language.FRENCH,
        Language.GERMAN,
        Language.GREEK,
        Language.HEBREW,
        Language.HINDI,
        Language.INDONESIAN,
        Language.ITALIAN,
        Language.JAPANESE,
        Language.KOREAN,
        Language.PERSIAN,
        Language.POLISH,
        Language.PORTUGUESE,
        Language.ROMANIAN,
        Language.RUSSIAN,
        Language.SPANISH,
        Language.SWEDISH,
        Language.TURKISH,
        Language.UKRAINIAN,
        Language.VIETNAMESE,
    }
)

# The detector reads the title and this much of the body: a paragraph tells
# the language as well as the whole article does, at a bounded cost per
# article (detection runs on the worker's event loop, in Decode).
SAMPLE_CHARS = 1000

# Fewer letters than this and the answer is None. Low accuracy mode is
# confidently wrong on short texts: on about 6,500 English news sentences it
# took some of up to 87 letters (mostly names: "Andrzej Zybertowicz ...") for
# Polish or Indonesian with a confidence of 0.99 or more, and none longer.
MIN_LETTERS = 120

# The top candidate's share of the confidence (all candidates add up to 1)
# below which the answer is None: a text that is as much one language as
# another (a bilingual article) is not rejected.
MIN_CONFIDENCE = 0.9


def detect_language(title: str, body: str, allowed: frozenset[str] = frozenset()) -> str | None:
    """The ISO 639-1 code of the language an article is written in, or None when unsure.

    Args:
        title: The article's title, read before the body.
        body: The article's body; only its first `SAMPLE_CHARS` characters are read.
        allowed: ISO 639-1 codes the caller accepts. They join the candidates,
            so that an allowed language that is not one of `NEWS_LANGUAGES`
            is recognised instead of being taken for its nearest neighbour.

    Returns:
        A lower-case ISO 639-1 code, or None for a text too short to tell
        (under `MIN_LETTERS` letters) or one no language clearly wins
        (under `MIN_CONFIDENCE`): the caller must not reject what it cannot tell.
    """
    sample = f"{title}\n{body[:SAMPLE_CHARS]}"
    if sum(character.isalpha() for character in sample) < MIN_LETTERS:
        return None
    best = _detector(NEWS_LANGUAGES | _known(allowed)).compute_language_confidence_values(sample)[0]
    if best.value < MIN_CONFIDENCE:
        return None
    return best.language.iso_code_639_1.name.lower()


@cache
def _known(codes: frozenset[str]) -> frozenset[Language]:
    """The languages lingua has a model for among ``codes`` (others cannot be candidates); once per setting."""
    known: set[Language] = set()
    for code in codes:
        try:
            known.add(Language.from_iso_code_639_1(IsoCode639_1.from_str(code)))
        except ValueError:
            continue
    return frozenset(known)


@cache
def _detector(languages: frozenset[Language]) -> LanguageDetector:
    """One detector per process (per set of candidates, in practice one), built on first use.

    The models are preloaded so that the memory is taken at once, not
    article by article as new scripts turn up, and no article waits for one.
    """
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )

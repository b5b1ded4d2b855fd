"""The NLP that annotates articles: NER, entity resolution, stance relations.

Modules, in pipeline order: ``ner`` (backends behind ``NerBackend``),
``mentions`` (span clean-up), ``gazetteer`` and ``resolve`` (canonical
entities), ``affiliation`` and ``coref`` (who speaks for whom, pronouns),
``arguments`` and ``roles`` (a predicate's subjects and targets from the
parse, paired into source/target links), ``lexicon``, ``encoder``,
``quadclass``, ``target_stance`` (or ``nli_stance``) and ``stance`` (labels
and aggregation), ``salience`` (article-level fields), ``pipeline``
(``build_annotator``). ``training``, never imported at run time, retrains
the shipped models (``training.train``) and derives the shipped data tables.
"""

from consumers.nlp.thinc_loading import load_thinc_without_torch

load_thinc_without_torch()  # before any module of this package imports spaCy

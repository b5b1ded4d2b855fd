"""The NLP that annotates articles: NER, entity resolution, stance relations.

Modules, in pipeline order: ``ner`` (backends behind ``NerBackend``),
``mentions`` (span clean-up), ``gazetteer`` and ``resolve`` (canonical
entities), ``affiliation`` and ``coref`` (who speaks for whom, pronouns),
``roles`` (source/target links from the parse), ``lexicon``, ``encoder``,
``quadclass`` and ``stance`` (labels and aggregation), ``pipeline``
(``build_annotator``). ``train_quadclass`` retrains the shipped head.
"""

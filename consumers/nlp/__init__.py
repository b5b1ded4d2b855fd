"""The NLP that annotates articles: NER, entity resolution, stance relations."""

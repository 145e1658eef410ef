"""Text preparation: normalisation, script conversion, sentences and tokens."""

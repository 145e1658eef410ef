"""Rule packs: loading, YAML source positions, patterns, catalogues, rule docs and tests."""

"""oxykb: turns graded, quoted YAML claims about oxytocin into a bilingual reference site."""

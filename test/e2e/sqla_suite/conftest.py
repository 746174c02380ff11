# project/ holds the compliance suite's own pytest project; only the child pytest may load it.
collect_ignore = ["project"]

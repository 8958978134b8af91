"""`python -m nlu.eval`: measure the NLU on the public corpora in ../shared/eval."""

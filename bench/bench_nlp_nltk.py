#!/usr/bin/python3
"""NLTK's averaged-perceptron tagger as a baseline for bench_nlp.sh.

Trains nltk.tag.perceptron.PerceptronTagger on the UPOS tags of a CoNLL-U training file,
scores it on a test file (gold tokenization) and times tagging of a plain-text file
(pre-split into sentences and words with a simple regex; only tag() is timed, in CPU
seconds like sitrep's figure, so a shared machine does not skew the ratio).
Prints one JSON object. Run with Debian's /usr/bin/python3 (python3-nltk).
"""
import json
import random
import re
import sys
import time

from nltk.tag.perceptron import PerceptronTagger


def read_conllu(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append((cols[1], cols[3]))
    if cur:
        sents.append(cur)
    return sents


def main():
    train_path, test_path, text_path = sys.argv[1:4]
    random.seed(1)  # NLTK shuffles with the global random module
    train = read_conllu(train_path)
    test = read_conllu(test_path)
    tagger = PerceptronTagger(load=False)
    t0 = time.process_time()
    tagger.train(train, nr_iter=5)
    train_s = time.process_time() - t0
    correct = total = 0
    for sent in test:
        pred = tagger.tag([w for w, _ in sent])
        for (_, gold), (_, tag) in zip(sent, pred):
            correct += gold == tag
            total += 1
    word_re = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
    sentences = []
    with open(text_path, encoding="utf-8") as f:
        for para in f:
            for s in re.split(r"(?<=[.!?])\s+", para.strip()):
                toks = word_re.findall(s)
                if toks:
                    sentences.append(toks)
    words = sum(len(s) for s in sentences)
    t0 = time.process_time()
    for s in sentences:
        tagger.tag(s)
    tag_s = time.process_time() - t0
    print(json.dumps({"upos": 100.0 * correct / total, "train_seconds": train_s, "words": words,
                      "seconds": tag_s, "words_per_s": words / tag_s if tag_s else 0}))


if __name__ == "__main__":
    main()

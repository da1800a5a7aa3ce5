#!/usr/bin/python3
"""readability-lxml on the trafilatura snippet benchmark, scored exactly as `sitrep eval clean`.

Run with Debian's /usr/bin/python3 (python3-readability). Prints one JSON object.
Output text = Document.short_title() + the text of Document.summary(), block elements
separated by newlines; matching is substring matching after collapsing whitespace.
Timing is CPU time of Document(...) + summary() + title + text conversion only, not
reading/gunzip (CPU time, as in sitrep, so other load on a shared machine does not count).
"""
import argparse
import gzip
import json
import os
import re
import sys
import time

import lxml.html
from readability import Document

BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote",
              "pre", "section", "article", "table", "ul", "ol", "dd", "dt", "figcaption")


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def summary_text(html_bytes):
    doc = Document(html_bytes)
    summary = doc.summary()
    title = doc.short_title() or ""
    root = lxml.html.fromstring(summary)
    for el in root.iter(*BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    return title + "\n" + root.text_content()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--split", choices=("all", "dev", "test"), default="all")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    with open(os.path.join(args.dataset, "evaldata.json"), encoding="utf-8") as f:
        evaldata = json.load(f)
    tp = fp = fn = tn = pages = failed = 0
    seconds = 0.0
    for i, url in enumerate(sorted(evaldata)):  # same order and halves as sitrep
        if (args.split == "dev" and i % 2) or (args.split == "test" and i % 2 == 0):
            continue
        if args.limit and pages >= args.limit:
            break
        item = evaldata[url]
        path = os.path.join(args.dataset, "html", item["file"] + ".gz")
        with gzip.open(path, "rb") as f:
            raw = f.read()
        pages += 1
        t0 = time.thread_time()
        try:
            out = norm(summary_text(raw))
        except Exception as exc:  # a crash is an empty output, as in trafilatura's scoring
            print(f"readability failed on {item['file']}: {exc}", file=sys.stderr)
            out = None
            failed += 1
        seconds += time.thread_time() - t0
        for s in item["with"]:
            if out is not None and norm(s) in out:
                tp += 1
            else:
                fn += 1
        for s in item["without"]:
            if out is not None and norm(s) in out:
                fp += 1
            else:
                tn += 1
    p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
    r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = 100.0 * (tp + tn) / (tp + tn + fp + fn) if pages else 0.0
    print(json.dumps({"tool": "readability-lxml", "dataset": os.path.basename(os.path.normpath(args.dataset)),
                      "split": args.split, "pages": pages, "failed": failed, "precision": round(p, 2),
                      "recall": round(r, 2), "f1": round(f1, 2), "accuracy": round(acc, 2), "tp": tp, "fp": fp,
                      "fn": fn, "tn": tn, "seconds": round(seconds, 3),
                      "pages_per_s": round(pages / seconds, 2) if seconds else 0.0}))


if __name__ == "__main__":
    main()

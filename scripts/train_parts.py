"""Train the review/plan sentence model that kg/parts.py reads (kg/lexicons/part_weights.tsv).

Labels come from the reports' own headings: every sentence inside a level-1 section whose title
names its part by a cue word (工作回顾 → review, 工作安排 → plan) is an example; sections decided
otherwise are left out. Features: distinct character unigrams and bigrams (kg.parts.grams);
model: L2 logistic regression (scikit-learn). The weights of the most telling n-grams are written.

    .venv/bin/pip install scikit-learn
    .venv/bin/python scripts/train_parts.py ../shared/corpus/*.txt [--keep 6000]
"""

from __future__ import annotations

import argparse
import sys

from kg.errors import InputError
from kg.ingest import _section_part, _top, ingest
from kg.parts import WEIGHTS, grams


def examples(paths: list[str]) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for path in paths:
        try:
            doc = ingest(path)
        except InputError:
            continue
        for sentence in doc.sentences:
            if sentence.section is None:
                continue
            top = doc.sections[_top(doc.sections, sentence.section)]
            part = _section_part(top.title)
            if part in ("review", "plan") and sentence.text != top.title:
                texts.append(sentence.text)
                labels.append(int(part == "plan"))
    return texts, labels


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("reports", nargs="+")
    parser.add_argument("--keep", type=int, default=6000, help="n-grams kept, by weight")
    args = parser.parse_args()
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    texts, labels = examples(args.reports)
    vectorizer = CountVectorizer(analyzer=lambda s: sorted(grams(s)), binary=True, min_df=3)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=0.5, max_iter=2000)
    accuracy = cross_val_score(model, x, labels, cv=5).mean()
    model.fit(x, labels)
    names = vectorizer.get_feature_names_out()
    weights = sorted(zip(names, model.coef_[0]), key=lambda item: (-abs(item[1]), item[0]))[: args.keep]
    lines = [f"<bias>\t{model.intercept_[0]:.4f}"] + [f"{g}\t{w:.4f}" for g, w in sorted(weights)]
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{len(texts)} sentences ({sum(labels)} plan) from {len(args.reports)} reports; "
        f"5-fold accuracy {accuracy:.3f}; wrote {len(weights)} weights to {WEIGHTS}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

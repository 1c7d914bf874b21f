#!/usr/bin/env python3
"""PromiseCheck plugin: every place the promise names is a known district.

Reads the plugin request (protocol 1) on stdin and writes the answer on stdout; see
docs/plugins.md. A place is a capitalised word, or two, after a preposition that
introduces a place ("i Norra Berga", "vid Björkskolan"); it must be one of the districts
in the list file the rule's options name (one district per line, relative to this file).
"""
import json
import os
import re
import sys

PREPOSITIONS = {"i", "vid", "på", "kring", "runt", "utanför", "längs"}
WORD = re.compile(r"[A-ZÅÄÖ][\wåäöÅÄÖé-]*")


def load_districts(name):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(path, encoding="utf-8") as handle:
        return {line.strip() for line in handle if line.strip() and not line.startswith("#")}


def places_in(text):
    """(place, offset) for each capitalised word or pair after a place preposition."""
    words = list(re.finditer(r"\S+", text))
    for index, word in enumerate(words[:-1]):
        if word.group().lower().strip(",.;:()") not in PREPOSITIONS:
            continue
        first = WORD.fullmatch(words[index + 1].group().strip(",.;:()"))
        if not first:
            continue
        place = first.group()
        ends_sentence = words[index + 1].group()[-1] in ",.;:)"
        if index + 2 < len(words) and not ends_sentence:
            second = WORD.fullmatch(words[index + 2].group().strip(",.;:()"))
            if second:
                place += " " + second.group()
        yield place, words[index + 1].start()


def main():
    request = json.load(sys.stdin)
    options = request["rule"].get("options", {})
    known = load_districts(options.get("districts", "districts.txt"))
    ignore = set(options.get("ignore", []))
    findings = []
    for piece in request["item"]["texts"]:
        for place, offset in places_in(piece["text"]):
            if place in known or place.split(" ")[0] in known or place in ignore:
                continue
            if "\n" in piece["text"][:offset]:
                line, column = piece["line"], piece["column"]  # multi-line text: point at its start
            else:
                line, column = piece["line"], piece["column"] + offset
            findings.append({"message": f"'{place}' är inte en känd stadsdel", "line": line,
                             "column": column, "excerpt": place})
    json.dump({"protocol": 1, "findings": findings}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

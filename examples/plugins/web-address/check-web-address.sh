#!/bin/sh
# PromiseCheck plugin: the text says where citizens can read about the results, as a web
# address (https://… or a domain such as ekby.se). Protocol 1: the request is read on stdin,
# the answer written on stdout (docs/plugins.md). Needs only a POSIX shell and grep.
request=$(cat)
if printf '%s' "$request" | grep -Eq 'https?://|www\.|[a-z0-9-]+\.se([/ ,.")]|$)'; then
    printf '{"protocol": 1, "reason": "a web address is given"}\n'
else
    printf '{"protocol": 1, "findings": [{"message": "uppföljningen anger ingen webbadress där invånarna kan läsa om resultaten"}]}\n'
fi

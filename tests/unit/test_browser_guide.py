"""The Browser kit's files, as Browser will read them: the guide (one slide per canned
analysis, each with its `:params` line and the file's own text) and the GraSS style."""

from __future__ import annotations

import html
import re

from lsg_graph import analyses
from lsg_graph.browser_guide import _BROWSER_ATTRIBUTE_STRIP, defuse, guide_html, style_text
from lsg_graph.browser_kit import content_policy, post_connect_command
from lsg_graph.derive import KIND_LABELS


def slides(page: str) -> list[str]:
    return re.findall(r"<slide .*?</slide>", page, flags=re.S)


def runnable_texts(slide: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'<pre class="runnable">(.*?)</pre>', slide,
                                                 flags=re.S)]


def test_every_analysis_has_a_slide_with_its_params_line_and_its_file_text():
    page = guide_html()
    by_title = {re.search(r"<h3>(.*?)</h3>", s).group(1): s for s in slides(page)}
    for analysis in analyses().values():
        blocks = runnable_texts(by_title[analysis.name])
        assert blocks == [analysis.browser_params(), analysis.text.rstrip()]


def test_browser_strips_no_attribute_like_text_from_the_guide():
    assert _BROWSER_ATTRIBUTE_STRIP.findall(guide_html()) == []


def test_defused_text_reads_the_same():
    text = html.escape("MATCH (n)\nWITH n, 1 AS\n  one = 1 AND\tonly=2")
    assert _BROWSER_ATTRIBUTE_STRIP.findall(text)
    assert not _BROWSER_ATTRIBUTE_STRIP.findall(defuse(text))
    assert html.unescape(defuse(text)) == html.unescape(text)


def grass_rules(text: str) -> dict[str, dict[str, str]]:
    """The style as Browser's GraSS parser reads it: `selector { key: value; ... }`, braces
    inside quotes ('{name}') being text; every declaration must have one key and one value."""
    rules, selector, body, depth, quoted = {}, "", "", 0, False
    for char in text:
        if char in "'\"":
            quoted = not quoted
        if not quoted and char == "{":
            depth += 1
        elif not quoted and char == "}":
            depth -= 1
            rules[selector.strip()] = dict(
                tuple(part.strip() for part in d.split(":", 1))
                for d in body.split(";") if d.strip())
            selector = body = ""
        elif depth:
            body += char
        else:
            selector += char
    assert depth == 0 and not quoted
    return rules


def test_the_style_colours_people_parties_states_and_every_kind_of_body():
    rules = grass_rules(style_text())
    assert "/*" not in style_text()  # Browser's GraSS parser knows no comments
    for label in ("Person", "Party", "State", *KIND_LABELS.values()):
        assert "color" in rules[f"node.{label}"], label
    colours = [rules[f"node.{label}"]["color"] for label in KIND_LABELS.values()]
    assert len(set(colours)) == len(colours)  # one colour a kind
    for rel in ("CHAIRS", "MEMBER_OF", "REPLACED_BY"):
        assert rules[f"relationship.{rel}"]["caption"] == "'{caption}'"


def test_browser_applies_the_style_then_offers_the_guide():
    assert post_connect_command(8474) == (
        "style http://127.0.0.1:8474/lsg-graph.grass; play http://127.0.0.1:8474/guide.html")


def test_the_page_may_reach_only_this_server_and_the_local_bolt_port():
    policy = dict(part.strip().split(" ", 1) for part in content_policy(7687).split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["connect-src"].split() == [
        "'self'", "ws://127.0.0.1:7687", "http://127.0.0.1:7687", "ws://localhost:7687",
        "http://localhost:7687"]

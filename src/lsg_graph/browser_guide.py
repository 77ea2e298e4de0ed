"""lsg-graph's Neo4j Browser style (browser/lsg-graph.grass) and guide: the model, how dates
work, and every canned analysis, generated from the query files themselves, each one click
away with its `:params` line. `python -m lsg_graph.browser_guide` writes both into a folder and
serves them with Browser (browser_kit.py); `lsg-graph server start` runs it.
"""

from __future__ import annotations

import argparse
import html
import re
from pathlib import Path

from .analyses import Analysis, analyses
from .browser_kit import GUIDE, STYLE, serve
from .resources import resource_dir

# Browser strips attributes named on* from a guide with this pattern, over the whole text
# (queries included), so a query line such as ` one = 1` must not match it.
_BROWSER_ATTRIBUTE_STRIP = re.compile(
    r"""(\s+(on[^\s=]+)[^\s=]*\s*=\s*("[^"]*"|'[^']*'|[\w\-.:]+\s*))""", re.IGNORECASE)

# An example for the guide's model slide: the styled neighbourhood of one person.
_EXAMPLE = """MATCH (p:Person {id: 'xi-jinping'})-[r:CHAIRS]->(b)
OPTIONAL MATCH (b)-[x:REPLACED_BY]-(other)
RETURN p, r, b, x, other"""


def style_text() -> str:
    """The GraSS style shipped with lsg-graph."""
    return (resource_dir("browser") / STYLE).read_text(encoding="utf-8")


def runnable(*lines: str) -> str:
    """A block Browser puts into its editor on one click (then run it with Ctrl+Enter)."""
    return "<pre class=\"runnable\">" + defuse(html.escape("\n".join(lines))) + "</pre>"


def defuse(text: str) -> str:
    """HTML text that Browser's attribute stripping leaves whole: the blank before a word such
    as `one =` becomes its character reference, which reads and copies the same."""

    def keep(match: re.Match[str]) -> str:
        blank = re.match(r"\s+", match.group(0)).group(0)
        return blank[:-1] + f"&#{ord(blank[-1])};" + match.group(0)[len(blank):]

    return _BROWSER_ATTRIBUTE_STRIP.sub(keep, text)


def _slide(title: str, *parts: str) -> str:
    return ("<slide class=\"row-fluid\"><div class=\"col-sm-12\">"
            f"<h3>{html.escape(title)}</h3>{''.join(parts)}</div></slide>")


def _analysis_slide(analysis: Analysis) -> str:
    params = "".join(
        f"<li><code>{html.escape(p.name)}</code> ({html.escape(p.type)}): "
        f"{html.escape(p.doc)}</li>" for p in analysis.params)
    return _slide(
        analysis.name,
        f"<p>{html.escape(analysis.description)}</p>",
        f"<p>Parameters:</p><ul>{params}</ul>" if params else "",
        "<p>Click the <code>:params</code> line and run it (Ctrl+Enter) to set the parameters "
        "(edit a value first to ask about another day or body), then click the query and run "
        "it.</p>",
        runnable(analysis.browser_params()),
        runnable(analysis.text.rstrip().rstrip(";")),
        f"<p>The same from a shell: <code>lsg-graph analyze {html.escape(analysis.name)}"
        "</code>.</p>",
    )


def guide_html(items: list[Analysis] | None = None) -> str:
    """The Browser guide: the model, how dates work, then one slide per canned analysis."""
    items = list(analyses().values()) if items is None else items
    names = ", ".join(f"<code>{html.escape(a.name)}</code>" for a in items)
    slides = [
        _slide(
            "lsg-graph: China's leading groups as a graph",
            "<p>People (<code>Person</code>) chair (<code>CHAIRS</code>) or sit on "
            "(<code>MEMBER_OF</code>, with <code>role</code> deputy, office_director, "
            "secretary_general or member) party-state bodies (<code>Body</code>, labelled by "
            "kind: <code>LeadingGroup</code>, <code>Commission</code>, <code>Office</code>, ...)."
            " Bodies report to one another, to the Party (<code>Party</code>) or the State "
            "(<code>State</code>) (<code>REPORTS_TO</code>), and are renamed, upgraded, merged "
            "or abolished (<code>REPLACED_BY</code>).</p>",
            "<p>Every fact carries <code>sources</code> (ids of <code>Source</code> nodes, "
            "each with its address) and a <code>confidence</code>. Edge captions give role and "
            "years; <code>?</code> marks a side the sources leave unknown.</p>",
            "<p>Try it: the bodies Xi Jinping chairs and what they became.</p>",
            runnable(_EXAMPLE),
        ),
        _slide(
            "Dates: certain, possible, undecided",
            "<p>A start or end is a range of days, <code>start_bounds</code> and "
            "<code>end_bounds</code> (after the inference rules; <code>inferred</code> says "
            "which narrowed it and from what). A post is <em>certainly</em> held on day d when "
            "<code>r.certain_from &lt;= d &lt; r.certain_until</code>, <em>possibly</em> when "
            "<code>r.possible_from &lt;= d &lt; r.possible_until</code>; in between the dates "
            "cannot decide (<code>doubt</code> says whether sources disagree or just do not "
            "know).</p>",
            runnable(":params {as_of: '2019-06-01'}"),
            runnable("MATCH (p:Person)-[r:CHAIRS]->(b:Body)",
                     "WHERE r.possible_from <= date($as_of) < r.possible_until",
                     "RETURN p.name AS person, b.name AS body, r.start_bounds AS start,",
                     "       r.end_bounds AS end,",
                     "       r.certain_from <= date($as_of) < r.certain_until AS certain",
                     "ORDER BY person, body"),
        ),
        _slide(
            "The canned analyses",
            f"<p>The next slides hold every canned analysis lsg-graph ships: {names}. Each is "
            "the very file <code>lsg-graph analyze</code> runs, with the <code>:params</code> "
            "line its defaults give.</p>",
        ),
        *(_analysis_slide(a) for a in items),
    ]
    return ("<article class=\"guide\"><carousel class=\"deck container-fluid\">"
            + "".join(slides) + "</carousel></article>\n")


def write_kit(folder: Path) -> None:
    """Write the style and the guide into `folder` (made owner-only)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    (folder / STYLE).write_text(style_text(), encoding="utf-8")
    (folder / GUIDE).write_text(guide_html(), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m lsg_graph.browser_guide",
        description="Write lsg-graph's Browser style and guide, and serve them with Browser.")
    parser.add_argument("--folder", type=Path, required=True, help="where to write the kit")
    parser.add_argument("--port", type=int, required=True, help="port on 127.0.0.1")
    parser.add_argument("--browser-jar", type=Path, required=True)
    parser.add_argument("--neo4j-http", required=True, help="Neo4j's HTTP address")
    parser.add_argument("--bolt-port", type=int, required=True)
    args = parser.parse_args(argv)
    write_kit(args.folder)
    serve(args.folder, args.port, args.browser_jar, args.neo4j_http, args.bolt_port)


if __name__ == "__main__":
    main()

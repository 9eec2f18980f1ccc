"""The pages' template environment: a dict's keys read as Jinja reads them, only sooner."""

from __future__ import annotations

from pathlib import Path

import jinja2

from elitewatch.web.respond import load_templates


def test_a_row_read_by_name_gives_its_key_and_a_dict_method_stays_a_method(tmp_path: Path) -> None:
    (tmp_path / "row.html").write_text(
        "{{ row.title }}|{{ row.items() | list | length }}|{{ row.missing is defined }}|{{ thing.real }}",
        encoding="utf-8",
    )
    env = load_templates(tmp_path).env
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True)
    context = {"row": {"title": "<b>Minsk</b>", "items": "a key named as a method"}, "thing": 3 + 4j}
    drawn = env.get_template("row.html").render(context)
    assert drawn == plain.get_template("row.html").render(context)  # what Jinja itself draws
    assert drawn == "&lt;b&gt;Minsk&lt;/b&gt;|2|False|3.0"


def test_the_links_every_page_draws_escape_what_they_show_and_quote_the_document_id() -> None:
    from elitewatch.web.respond import entity_link, source_link

    assert str(entity_link(7, "Ли <Пэн> & Co", "person")) == (
        '<a class="entity person" href="/entity/7">Ли &lt;Пэн&gt; &amp; Co</a>'
    )
    assert str(source_link("a b?#%", 10, 42, "<doc>")) == (
        '<a class="source" href="/document/a%20b%3F%23%25?s=10&amp;e=42#hl">&lt;doc&gt;</a>'
    )

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

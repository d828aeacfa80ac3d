"""The facts of an article as text for reading in a terminal (`digest facts` without --json)."""

from __future__ import annotations

from pipeline.records import Facts, Figure


def _figure_lines(figure: Figure) -> list[str]:
    qualifier = f"  [{figure.qualifier}]" if figure.qualifier else ""
    return [f"  {figure.text_zh} → {figure.text_en}{qualifier}", f"      {figure.context_zh}"]


def facts_as_text(facts: Facts, all_figures: bool = False) -> str:
    """Title figures, figures (text_zh → text_en, qualifier, sentence), then programmes with their
    first sentence."""
    figures = facts.figures if all_figures else facts.key_figures
    heading = "all figures" if all_figures else "key figures"
    lines = [f"== {facts.id}"]
    if facts.title_figures:
        lines.append("title figures: " + "; ".join(f"{f.text_zh} → {f.text_en}" for f in facts.title_figures))
    lines.append(f"{heading} ({len(figures)} of {len(facts.figures)}):")
    for figure in figures:
        lines += _figure_lines(figure)
    lines.append(f"programmes ({len(facts.programmes)}):")
    for programme in facts.programmes:
        lines += [f"  {programme.name_zh}", f"      {programme.context_zh}"]
    return "\n".join(lines) + "\n\n"

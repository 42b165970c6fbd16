"""``mapgen ingest``: a report in, draft incidents (``review: true``) out, or merged into a project."""
from __future__ import annotations

import click

from mapgen.cli.options import countries_option, run_guarded


@click.command()
@click.argument("report", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--published", default=None, metavar="DATE",
              help="Publication date (or date-time) of the report: the time of text before its first timestamp "
                   "(default for an HTML page: the date its head gives; else the day the address of "
                   "--source-url gives in its path, as /2017/04/02/).")
@click.option("--source-url", default=None, metavar="URL", help="Address of the report (http or https), cited by every draft (default for an HTML page: its own).")
@click.option("--outlet", default=None, metavar="NAME", help="Name of the outlet (default: an HTML page's site name, the URL's host or the file name).")
@click.option("--timezone", default=None, metavar="TZ",
              help="IANA time zone of timestamps that state none (default: the project's with --into, else UTC).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="Drafts file to write (default: standard output, unless --into is given; with --into, a copy).")
@click.option("--into", "project", type=click.Path(file_okay=False), default=None,
              help="Map project to add the drafts to (PROJECT/events/drafts.yaml), skipping incidents it already has.")
@countries_option("Countries the report is about (ISO codes, e.g. SY,TR or --countries SY "
                  "--countries TR): places there rank first (default with --into: the project's "
                  "map.yaml countries).")
@click.pass_context
@run_guarded
def ingest(ctx: click.Context, report: str, published: str | None, source_url: str | None,
           outlet: str | None, timezone: str | None, out: str | None, project: str | None,
           countries: tuple[str, ...] | None) -> None:
    """Turn REPORT (a live blog or news text, plain or HTML; - reads standard input) into draft
    incidents to review.

    The report is split into entries on its timestamps (an article's dateline or byline date
    counts as one, in English, Portuguese, French, Spanish, German, Italian or Arabic, with
    Turkish month names; a saved HTML page's head gives its publication date, address and
    outlet); the places each entry names are found with the gazetteer (in a report written in
    Arabic, after the words Arabic puts before a place's name; in Turkish, without the case
    endings written onto it; in German, apart from the nouns it capitalises); every draft has
    the entry time, an excerpt, the place with its score and precision, a suggested type and
    `review: true`. Names that look like places but were not found are listed under
    `unresolved:` and on standard error; places named but not as incidents (where someone speaks
    or meets, a capital named for its government, an earlier year's event, the two ends of a
    road or front line written as one word) make no draft and are listed under `set_aside:`.
    With --into, new drafts are appended to the project's drafts.yaml (comments kept) and drafts
    offered before (listed in PROJECT/ingested.yaml) are not offered again.

    \b
    Example:
      mapgen ingest live-blog.txt --published 2016-02-04 \\
        --source-url https://example.org/live --into examples/aleppo-2016-02
    """
    from mapgen.errors import InputError
    from mapgen.ingest import ingest_file, merge_into_project, render_drafts, write_drafts
    from mapgen.model import Origin, check_url
    from mapgen.timeparse import get_zone

    if source_url:
        check_url(source_url, Origin("--source-url"), "url")
    if timezone is None:
        timezone = "UTC"
        if project:
            from mapgen.source import project_config

            timezone = project_config(project).timezone
    try:
        get_zone(timezone)
    except ValueError as exc:
        raise InputError(str(exc), field="--timezone") from None
    extra = []
    codes = countries or ()
    if project:
        extra = _project_places(project)
        if countries is None:
            from mapgen.source import project_config

            codes = project_config(project).countries
    options = dict(published=published, source_url=source_url, outlet=outlet, timezone=timezone,
                   home=ctx.obj.get("home"), extra_places=extra, countries=codes)
    if report == "-":
        import sys

        from mapgen.ingest import ingest_text

        result = ingest_text(sys.stdin.read(), report="stdin", **options)
    else:
        result = ingest_file(report, **options)
    stamps = len(result.stamps)
    if project:
        merged = merge_into_project(project, result.drafts, result.unresolved, result.set_aside)
        before = f", {len(merged.offered_before)} offered before" if merged.offered_before else ""
        click.echo(f"drafts: {merged.path}  ({len(merged.added)} added, "
                   f"{len(merged.duplicates)} already in the project{before})")
        for draft, existing in merged.duplicates:
            click.echo(f"  skipped {draft['type']} at {draft['place']} on {str(draft['date'])[:10]}: "
                       f"same as {existing}")
    if out:
        path = write_drafts(out, result.drafts, result.unresolved, result.set_aside)
        click.echo(f"drafts: {path}  ({len(result.drafts)} drafts from {stamps} timestamped entries)")
    if not project and not out:
        click.echo(render_drafts(result.drafts, result.unresolved, result.set_aside), nl=False)
    reasons: dict[str, list[str]] = {}
    for item in result.set_aside:
        names = reasons.setdefault(str(item["why"]).split(" (")[0], [])
        if item["name"] not in names:
            names.append(item["name"])
    for why, names in reasons.items():
        click.echo(f"not incidents ({why}): {', '.join(names)}", err=True)
    for item in result.unresolved:
        hint = f"; candidates: {'; '.join(item['candidates'])}" if item.get("candidates") else ""
        note = f"; {item['note']}" if item.get("note") else ""
        click.echo(f"unresolved: {item['name']} ({item['status']}, {item['entry']}){hint}{note}", err=True)


def _project_places(project: str) -> list:
    """The project's own places as gazetteer places (they win over the gazetteer)."""
    from pathlib import Path

    from gazetteer import Place
    from mapgen.errors import InputErrors
    from mapgen.source import _read_places

    path = Path(project) / "places.yaml"
    if not path.exists():
        return []
    errors: list = []
    places = _read_places(path, errors)
    if errors:
        raise InputErrors(errors)
    return [Place(name=p.name, lat=p.lat, lon=p.lon, country=p.country, feature_code=p.feature_code,
                  source="project") for p in places]

"""``mapgen resolve``: look place names up in the gazetteer and say how sure it is."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Sequence

import click

from mapgen.cli.options import countries_option, run_guarded

if TYPE_CHECKING:
    from gazetteer.model import Resolution


def _near(ctx: click.Context, param: click.Parameter,
          value: str | None) -> tuple[float, float] | None:
    if not value:
        return None
    try:
        lat_s, lon_s = value.split(",")
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise click.BadParameter(f"expected LAT,LON in degrees, got {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"LAT,LON out of range: {value!r}")
    return (lat, lon)


@click.command()
@click.argument("names", nargs=-1, required=True)
@countries_option("The map's countries (ISO-3166 alpha-2), e.g. SY,TR or --country SY "
                  "--country TR: preferred places; look-alike spellings are matched in the "
                  "first only.")
@click.option("--near", callback=_near, metavar="LAT,LON",
              help="A point the places are expected near, e.g. 36.2,37.1.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per name per line.")
@click.option("--online", is_flag=True,
              help="Ask an online geocoder (Nominatim) for names the offline gazetteer does not know; "
                   "answers are cached under MAPGEN_HOME.")
@click.option("--online-url", default=None, metavar="URL",
              help="The Nominatim service to ask (default: the public one).")
@click.option("--user-agent", default=None,
              help="User agent sent to the online geocoder (name your application).")
@click.pass_context
@run_guarded
def resolve(ctx: click.Context, names: tuple[str, ...], countries: tuple[str, ...] | None,
            near: tuple[float, float] | None, as_json: bool, online: bool, online_url: str | None,
            user_agent: str | None) -> None:
    """Resolve place NAMEs to coordinates; the names are context for each other.

    Each name is resolved, ambiguous (alternatives listed) or unresolved. With --online, names
    that are unresolved offline are asked of Nominatim (one request a second, cached), and
    marked [online]. With --json each answer also says how the name matched (match) and
    how far it lies from the other names' places or --near (context_km; so does each
    alternative of a name not resolved, and the text says "N km off" of one farther than 25 km).
    The alternatives of an ambiguous name say how to write it so that it means each (the name
    and a town near it, checked by resolving it: a few lookups per alternative).

    \b
    Example:
      mapgen resolve "Kafer Naya" Hraytan "Bab al-Salameh" --country SY,TR --json
    """
    from gazetteer import open_gazetteer

    countries = countries or ()
    with open_gazetteer(ctx.obj.get("home")) as gz:
        results = gz.resolve_many(list(names), countries=countries, near=near)
        # how to write a name of namesakes so that it means one of them
        located = {
            i: [gz.located_name(res.query, a, countries) for a in
                (res.alternatives if as_json else res.alternatives[:SHOWN])]
            for i, res in enumerate(results) if res.status == "ambiguous"}
    geocoder = None
    if online and any(res.status == "unresolved" for res in results):
        from gazetteer.geocoder import DEFAULT_USER_AGENT, online_geocoder

        geocoder = online_geocoder("nominatim", url=online_url, user_agent=user_agent or DEFAULT_USER_AGENT,
                                   home=ctx.obj.get("home"))
    for i, res in enumerate(results):
        answer = geocoder.lookup(res.query, countries) if geocoder and res.status == "unresolved" else None
        if answer is not None and answer.place is not None:
            click.echo(_online_json(answer) if as_json else _online_line(answer))
        elif as_json:
            out = res.to_json_dict()
            for alt, how in zip(out["alternatives"], located.get(i, ())):
                alt["written"] = how  # (namesakes: how to write the name to mean this one)
            click.echo(json.dumps(out, ensure_ascii=False))
        else:
            click.echo(_line(res, located.get(i, ()))
                       + (" (online: not found either)" if answer is not None else ""))


def _online_line(answer) -> str:  # type: ignore[no-untyped-def]
    p = answer.place
    cached = " cached" if answer.cached else ""
    return f"{answer.query}: resolved: {p.name} ({p.country}) {p.lat:.5f},{p.lon:.5f} [online{cached}]"


def _online_json(answer) -> str:  # type: ignore[no-untyped-def]
    p = answer.place
    return json.dumps({"query": answer.query, "status": "resolved", "name": p.name, "lat": p.lat, "lon": p.lon,
                       "country": p.country, "feature_code": p.feature_code, "geonameid": None,
                       "score": None, "source": "online", "cached": answer.cached, "alternatives": []},
                      ensure_ascii=False)


#: Alternatives listed for a name in doubt.
SHOWN = 5


def _line(res: Resolution, located: Sequence[str | None] = ()) -> str:
    if res.place is not None:
        p = res.place
        gid = f" geonameid={p.geonameid}" if p.geonameid is not None else ""
        ref = f" ref={p.ref}" if p.ref else ""
        how = f" match={res.match}" if res.match else ""
        return (f"{res.query}: resolved: {p.name} ({p.country} {p.feature_code}) "
                f"{p.lat:.5f},{p.lon:.5f}{gid}{ref} score={res.score:.2f} [{p.source}]{how}")
    from mapgen.resolve import FAR_OFF_KM  # (an alternative this far off says how far)

    far = list(res.alternatives_context_km) + [0.0] * SHOWN
    alts = "; ".join(f"{a.name} ({a.country}) {a.lat:.4f},{a.lon:.4f}"
                     + (f' (written "{how}")' if how else "")
                     + (f" ({km:.0f} km off)" if km > FAR_OFF_KM else "")
                     for a, how, km in zip(res.alternatives[:SHOWN],
                                           list(located) + [None] * SHOWN, far))
    more = f": {alts}" if alts else ""
    return f"{res.query}: {res.status}{more}"

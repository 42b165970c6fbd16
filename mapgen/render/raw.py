"""Page fragments that branca must place as they are, never read as templates."""
from __future__ import annotations

from typing import Any

from branca.element import Element, Figure, MacroElement
from jinja2 import Template


class RawHTML(Element):
    """Text placed into the page as it is.

    branca's ``Element(text)`` compiles ``text`` as a jinja template: for Leaflet's 150 kB script
    or a data block of megabytes that costs seconds, and text from a report containing ``{{`` or
    ``{%`` would be evaluated or break the build.
    """

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class RawMacroElement(MacroElement):
    """A MacroElement whose rendered header, html and script go into the page as raw text."""

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("this element can only be rendered inside a branca Figure")
        module = self._template.module.__dict__
        for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = module.get(part)
            if macro is not None:
                target.add_child(RawHTML(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)

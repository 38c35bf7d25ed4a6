"""A tiny HTML reader for the stories tests: elements with their attributes and nesting."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parent: "Element | None" = None
    children: list["Element"] = field(default_factory=list)
    text: str = ""

    def find_all(self, tag: str) -> list["Element"]:
        found = []
        for child in self.children:
            if child.tag == tag:
                found.append(child)
            found.extend(child.find_all(tag))
        return found

    def ancestors(self) -> list["Element"]:
        node, result = self.parent, []
        while node is not None:
            result.append(node)
            node = node.parent
        return result

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()

    def all_text(self) -> str:
        return " ".join([self.text, *(child.all_text() for child in self.children)]).strip()


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text += data


def parse(html: str | bytes) -> Element:
    builder = _Builder()
    builder.feed(html.decode() if isinstance(html, bytes) else html)
    return builder.root


def within(element: Element, css_class: str) -> bool:
    return any(ancestor.has_class(css_class) for ancestor in element.ancestors())

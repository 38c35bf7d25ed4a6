"""A simplified map of Germany's 16 Länder, drawn from our own coordinates (no map service).

Borders are written once as arcs of (longitude, latitude) points between the points where
three Länder or countries meet, and every Land is a ring of arcs, so neighbouring Länder
share exactly the same line. The city-states (Berlin, Hamburg, Bremen) are drawn on top.
The shapes are hand-simplified from the general course of the borders: recognisable, not
surveyed. The list next to the map carries the same information; the map is a supplement.
"""

import math
from functools import cache

# Germany's extreme points (List auf Sylt, Haldenwanger Eck, Isenbruch, Deschka), rounded outwards:
# the coordinates a Jobcenter's location may have (campaign.models.Location).
GERMANY_BOUNDS = {"south": 47.27, "north": 55.06, "west": 5.86, "east": 15.05}

# Equirectangular projection scaled for Germany's middle latitude; the frame holds GERMANY_BOUNDS.
WEST, NORTH, SOUTH, EAST = 5.6, 55.15, 47.1, 15.25
SCALE = 60.0
X_FACTOR = math.cos(math.radians(51.2))
WIDTH = round((EAST - WEST) * X_FACTOR * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)

Point = tuple[float, float]

# The coordinates stay in rows as written (one arc per entry).
# fmt: off
ARCS: dict[str, list[Point]] = {
    "ni_nl": [(7.2, 53.3), (7.2, 53.1), (7.05, 52.85), (6.72, 52.65), (6.95, 52.45), (7.05, 52.24)],
    "ni_nrw": [
        (7.05, 52.24), (7.3, 52.31), (7.6, 52.45), (7.75, 52.33), (7.95, 52.2), (8.15, 52.08), (8.45, 52.2),
        (8.4, 52.38), (8.72, 52.53), (9.05, 52.45), (8.95, 52.27), (9.1, 52.1), (9.25, 51.97), (9.42, 51.8),
        (9.45, 51.64),
    ],
    "nrw_nl": [
        (7.05, 52.24), (6.95, 52.15), (6.75, 52.05), (6.7, 51.93), (6.4, 51.83), (6.15, 51.87), (5.95, 51.8),
        (6.05, 51.65), (6.1, 51.5), (6.2, 51.38), (6.2, 51.25), (6.07, 51.17), (5.87, 51.05), (6.05, 50.92),
        (6.02, 50.75),
    ],
    "nrw_be": [(6.02, 50.75), (6.18, 50.58), (6.35, 50.48), (6.4, 50.33)],
    "rp_be_lu": [(6.4, 50.33), (6.14, 50.14), (6.2, 49.95), (6.35, 49.83), (6.5, 49.72), (6.42, 49.56)],
    "sl_lu": [(6.42, 49.56), (6.37, 49.47)],
    "sl_fr": [(6.37, 49.47), (6.55, 49.42), (6.72, 49.25), (6.9, 49.16), (7.05, 49.12), (7.32, 49.13)],
    "rp_fr": [(7.32, 49.13), (7.45, 49.06), (7.7, 49.05), (7.95, 49.03), (8.21, 48.97)],
    "bw_fr": [(8.21, 48.97), (7.95, 48.75), (7.8, 48.55), (7.57, 48.12), (7.52, 47.8), (7.59, 47.59)],
    "bw_ch": [
        (7.59, 47.59), (7.85, 47.58), (8.2, 47.6), (8.45, 47.62), (8.65, 47.78), (8.85, 47.7), (9.18, 47.66),
        (9.35, 47.63), (9.61, 47.58),
    ],
    "by_at": [
        (9.61, 47.58), (9.7, 47.53), (9.95, 47.53), (10.2, 47.28), (10.45, 47.55), (10.75, 47.53), (10.98, 47.4),
        (11.25, 47.43), (11.6, 47.58), (12.2, 47.6), (12.5, 47.66), (12.8, 47.58), (13.0, 47.47), (13.05, 47.72),
        (12.95, 47.95), (12.85, 48.15), (13.0, 48.27), (13.45, 48.57), (13.84, 48.77),
    ],
    "by_cz": [
        (13.84, 48.77), (13.4, 49.05), (13.2, 49.12), (12.85, 49.33), (12.55, 49.55), (12.45, 49.75), (12.3, 50.0),
        (12.15, 50.15), (12.1, 50.32),
    ],
    "sn_cz": [
        (12.1, 50.32), (12.3, 50.18), (12.45, 50.35), (12.72, 50.43), (12.95, 50.41), (13.25, 50.52), (13.5, 50.63),
        (13.85, 50.73), (14.05, 50.82), (14.25, 50.87), (14.3, 50.98), (14.55, 51.0), (14.6, 50.9), (14.82, 50.87),
    ],
    "sn_pl": [(14.82, 50.87), (14.99, 51.15), (14.97, 51.35), (14.72, 51.55)],
    "bb_pl": [
        (14.72, 51.55), (14.75, 51.8), (14.71, 51.95), (14.63, 52.07), (14.55, 52.35), (14.65, 52.58),
        (14.15, 52.85), (14.28, 53.06), (14.42, 53.25), (14.41, 53.33),
    ],
    "mv_pl": [(14.41, 53.33), (14.3, 53.55), (14.27, 53.75), (14.22, 53.92)],
    "mv_coast": [
        (14.22, 53.92), (13.95, 54.07), (13.8, 54.15), (13.45, 54.1), (13.1, 54.3), (12.8, 54.45), (12.5, 54.47),
        (12.2, 54.22), (11.75, 54.15), (11.5, 54.02), (11.4, 53.92), (11.1, 54.0), (10.9, 53.96),
    ],
    "sh_baltic": [
        (10.9, 53.96), (10.8, 54.1), (11.05, 54.35), (11.3, 54.42), (11.1, 54.52), (10.9, 54.38), (10.75, 54.3),
        (10.2, 54.45), (10.15, 54.33), (9.85, 54.47), (10.0, 54.65), (9.9, 54.78), (9.55, 54.83), (9.43, 54.8),
    ],
    "sh_dk": [(9.43, 54.8), (9.1, 54.85), (8.65, 54.91)],
    "sh_north_sea": [
        (8.65, 54.91), (8.68, 54.75), (8.85, 54.6), (9.0, 54.48), (8.6, 54.32), (8.95, 54.28), (8.85, 54.1),
        (8.9, 53.95), (9.15, 53.9), (9.4, 53.77), (9.6, 53.58),
    ],
    "sh_ni": [(9.6, 53.58), (9.8, 53.53), (10.0, 53.47), (10.31, 53.43), (10.62, 53.37)],
    "sh_mv": [(10.62, 53.37), (10.78, 53.55), (10.75, 53.72), (10.93, 53.85), (10.9, 53.96)],
    "mv_ni": [(10.62, 53.37), (10.72, 53.38), (11.0, 53.25), (11.25, 53.14), (11.35, 53.11)],
    "mv_bb": [
        (11.35, 53.11), (11.65, 53.2), (12.0, 53.25), (12.3, 53.33), (12.65, 53.24), (13.0, 53.22), (13.3, 53.27),
        (13.6, 53.4), (13.9, 53.45), (14.25, 53.42), (14.41, 53.33),
    ],
    "bb_ni": [(11.35, 53.11), (11.57, 53.03)],
    "bb_sa": [
        (11.57, 53.03), (11.85, 52.93), (12.1, 52.85), (12.2, 52.7), (12.2, 52.5), (12.25, 52.25), (12.45, 52.05),
        (12.75, 52.0), (13.05, 51.9), (13.15, 51.75), (13.17, 51.62),
    ],
    "bb_sn": [(13.17, 51.62), (13.15, 51.45), (13.5, 51.38), (13.9, 51.4), (14.3, 51.5), (14.72, 51.55)],
    "ni_sa": [
        (11.57, 53.03), (11.25, 52.9), (10.95, 52.85), (10.77, 52.78), (10.9, 52.6), (10.95, 52.4), (11.05, 52.2),
        (10.95, 52.05), (10.6, 51.9), (10.6, 51.72), (10.68, 51.6),
    ],
    "ni_th": [(10.68, 51.6), (10.45, 51.58), (10.3, 51.48), (10.05, 51.43), (9.93, 51.38)],
    "ni_he": [(9.93, 51.38), (9.7, 51.38), (9.6, 51.45), (9.55, 51.6), (9.45, 51.64)],
    "nrw_he": [
        (9.45, 51.64), (9.3, 51.55), (9.15, 51.45), (8.95, 51.45), (8.75, 51.3), (8.55, 51.2), (8.4, 51.05),
        (8.25, 50.85), (8.12, 50.69),
    ],
    "nrw_rp": [
        (6.4, 50.33), (6.75, 50.42), (7.05, 50.55), (7.2, 50.63), (7.45, 50.72), (7.75, 50.78), (8.0, 50.75),
        (8.12, 50.69),
    ],
    "he_rp": [
        (8.12, 50.69), (8.1, 50.5), (8.02, 50.35), (7.95, 50.2), (7.81, 50.05), (7.9, 49.97), (8.05, 50.0),
        (8.3, 49.98), (8.4, 49.75), (8.45, 49.58),
    ],
    "rp_bw": [(8.45, 49.58), (8.44, 49.32), (8.35, 49.1), (8.21, 48.97)],
    "sl_rp": [
        (6.42, 49.56), (6.6, 49.65), (6.9, 49.63), (7.1, 49.6), (7.3, 49.52), (7.42, 49.38), (7.35, 49.22),
        (7.32, 49.13),
    ],
    "he_bw": [(8.45, 49.58), (8.65, 49.55), (8.9, 49.45), (9.1, 49.58)],
    "he_by": [
        (9.1, 49.58), (9.1, 49.75), (9.02, 49.95), (9.1, 50.12), (9.35, 50.15), (9.6, 50.25), (9.85, 50.38),
        (10.05, 50.52),
    ],
    "he_th": [(9.93, 51.38), (10.2, 51.15), (10.1, 50.98), (9.95, 50.8), (10.0, 50.63), (10.05, 50.52)],
    "bw_by": [
        (9.1, 49.58), (9.2, 49.58), (9.42, 49.68), (9.55, 49.78), (9.68, 49.72), (9.85, 49.6), (10.1, 49.4),
        (10.25, 49.05), (10.42, 48.9), (10.35, 48.65), (10.0, 48.42), (10.1, 48.0), (10.1, 47.8), (9.85, 47.68),
        (9.61, 47.58),
    ],
    "by_th": [
        (10.05, 50.52), (10.35, 50.45), (10.6, 50.33), (10.85, 50.38), (11.1, 50.33), (11.28, 50.4), (11.45, 50.5),
        (11.65, 50.4), (11.92, 50.42),
    ],
    "by_sn": [(11.92, 50.42), (12.05, 50.35), (12.1, 50.32)],
    "th_sn": [
        (11.92, 50.42), (12.05, 50.55), (12.25, 50.65), (12.3, 50.8), (12.5, 50.92), (12.6, 51.0), (12.45, 51.08),
        (12.2, 51.1),
    ],
    "th_sa": [
        (12.2, 51.1), (12.05, 50.98), (11.85, 51.05), (11.65, 51.1), (11.4, 51.2), (11.35, 51.35), (11.15, 51.42),
        (10.95, 51.5), (10.68, 51.6),
    ],
    "sa_sn": [(12.2, 51.1), (12.18, 51.3), (12.2, 51.45), (12.4, 51.6), (12.65, 51.63), (12.95, 51.68), (13.17, 51.62)],
    "ni_coast": [
        (7.2, 53.3), (7.05, 53.5), (7.15, 53.62), (7.5, 53.68), (8.05, 53.68), (8.15, 53.45), (8.3, 53.48),
        (8.35, 53.7), (8.5, 53.55), (8.6, 53.72), (8.7, 53.87), (9.0, 53.82), (9.35, 53.68), (9.6, 53.58),
    ],
}

# fmt: on

# Each Land: its rings, each ring a list of arc names; "-name" walks the arc backwards.
RINGS: dict[str, list[list[str]]] = {
    "schleswig-holstein": [["sh_north_sea", "sh_ni", "sh_mv", "sh_baltic", "sh_dk"]],
    "mecklenburg-vorpommern": [["mv_ni", "mv_bb", "mv_pl", "mv_coast", "-sh_mv"]],
    "niedersachsen": [["ni_coast", "sh_ni", "mv_ni", "bb_ni", "ni_sa", "ni_th", "ni_he", "-ni_nrw", "-ni_nl"]],
    "nordrhein-westfalen": [["ni_nrw", "nrw_he", "-nrw_rp", "-nrw_be", "-nrw_nl"]],
    "hessen": [["-ni_he", "he_th", "-he_by", "-he_bw", "-he_rp", "-nrw_he"]],
    "rheinland-pfalz": [["nrw_rp", "he_rp", "rp_bw", "-rp_fr", "-sl_rp", "-rp_be_lu"]],
    "saarland": [["sl_rp", "-sl_fr", "-sl_lu"]],
    "baden-wuerttemberg": [["he_bw", "bw_by", "-bw_ch", "-bw_fr", "-rp_bw"]],
    "bayern": [["he_by", "by_th", "by_sn", "-by_cz", "-by_at", "-bw_by"]],
    "thueringen": [["-ni_th", "-th_sa", "-th_sn", "-by_th", "-he_th"]],
    "sachsen": [["th_sn", "sa_sn", "bb_sn", "-sn_pl", "-sn_cz", "-by_sn"]],
    "sachsen-anhalt": [["bb_sa", "-sa_sn", "th_sa", "-ni_sa"]],
    "brandenburg": [["bb_ni", "bb_sa", "bb_sn", "bb_pl", "-mv_bb"]],
}

# Islands and the city-states: plain polygons, drawn after the Länder around them.
# fmt: off
POLYGONS: dict[str, list[list[Point]]] = {
    "mecklenburg-vorpommern": [
        [(13.15, 54.33), (13.3, 54.55), (13.4, 54.68), (13.55, 54.6), (13.67, 54.55), (13.6, 54.4), (13.7, 54.3),
         (13.45, 54.24), (13.3, 54.28)],
    ],
    "berlin": [
        [(13.09, 52.42), (13.12, 52.58), (13.3, 52.66), (13.5, 52.67), (13.65, 52.56), (13.76, 52.45),
         (13.65, 52.36), (13.42, 52.37), (13.25, 52.4)],
    ],
    "hamburg": [
        [(9.73, 53.56), (9.85, 53.66), (9.98, 53.74), (10.16, 53.73), (10.22, 53.62), (10.33, 53.5), (10.32, 53.42),
         (10.1, 53.4), (9.9, 53.42), (9.78, 53.46)],
    ],
    "bremen": [
        [(8.48, 53.12), (8.62, 53.2), (8.78, 53.18), (8.99, 53.1), (8.9, 53.02), (8.7, 53.03), (8.55, 53.08)],
        [(8.48, 53.5), (8.56, 53.61), (8.66, 53.57), (8.62, 53.48)],
    ],
}
# fmt: on

# Where the count is written (longitude, latitude), placed by eye inside each Land.
LABELS: dict[str, Point] = {
    "schleswig-holstein": (9.55, 54.3),
    "mecklenburg-vorpommern": (12.4, 53.75),
    "hamburg": (10.02, 53.58),
    "bremen": (8.74, 53.11),
    "niedersachsen": (9.3, 52.7),
    "sachsen-anhalt": (11.65, 52.15),
    "brandenburg": (13.95, 52.05),
    "berlin": (13.42, 52.52),
    "nordrhein-westfalen": (7.55, 51.5),
    "hessen": (9.0, 50.6),
    "thueringen": (11.05, 50.85),
    "sachsen": (13.35, 51.05),
    "rheinland-pfalz": (7.3, 50.0),
    "saarland": (6.92, 49.38),
    "baden-wuerttemberg": (9.0, 48.5),
    "bayern": (11.5, 48.85),
}


def project(point: Point) -> tuple[float, float]:
    lon, lat = point
    return round((lon - WEST) * X_FACTOR * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def _ring_points(arc_names: list[str]) -> list[Point]:
    points: list[Point] = []
    for name in arc_names:
        arc = ARCS[name.lstrip("-")]
        if name.startswith("-"):
            arc = arc[::-1]
        if points and points[-1] != arc[0]:
            raise ValueError(f"arc {name} does not start where the previous one ends")
        points.extend(arc if not points else arc[1:])
    if points[0] != points[-1]:
        raise ValueError(f"ring {arc_names} is not closed")
    return points[:-1]


def _path(polygons: list[list[Point]]) -> str:
    parts = []
    for polygon in polygons:
        coordinates = " ".join(f"{x:g},{y:g}" for x, y in map(project, polygon))
        parts.append(f"M{coordinates}Z")
    return "".join(parts)


def _land_polygons(slug: str) -> list[list[Point]]:
    return [_ring_points(ring) for ring in RINGS.get(slug, [])] + POLYGONS.get(slug, [])


@cache
def land_shapes() -> dict[str, dict]:
    """{land slug: {"path": SVG path data, "label": (x, y), "on_top": bool}} in drawing order."""
    shapes = {}
    for slug in RINGS:
        shapes[slug] = {"path": _path(_land_polygons(slug)), "label": project(LABELS[slug]), "on_top": False}
    for slug in ("berlin", "hamburg", "bremen"):
        shapes[slug] = {"path": _path(POLYGONS[slug]), "label": project(LABELS[slug]), "on_top": True}
    return shapes


# -- one Land with markers (the Jobcenter page) ---------------------------------------------
# Sizes are fractions of the framed Land's longer side, so that a marker looks the same on a
# small Land and a large one.
MARGIN = 0.06
BADGE_RADIUS = 0.035
# Where a badge goes when its place is taken: around its point, nearest ring first.
_DIRECTIONS = [(0, -1), (0.71, -0.71), (1, 0), (0.71, 0.71), (0, 1), (-0.71, 0.71), (-1, 0), (-0.71, -0.71)]


def _place_badges(points: list[tuple[float, float]], radius: float) -> list[tuple[float, float]]:
    """A position per numbered badge: on its point where it is free, else on the nearest free
    spot around it, first on the side facing away from the badge in its way (the template draws
    a line back to the point). Offices of one town lie a few hundred metres apart, which on the
    map of a whole Land is less than a badge's width."""
    placed: list[tuple[float, float]] = []
    gap = 2.2 * radius
    for x, y in points:
        nearest = min(placed, key=lambda other: math.dist(other, (x, y)), default=None)
        away = (x - nearest[0], y - nearest[1]) if nearest else (0.0, 0.0)
        directions = sorted(_DIRECTIONS, key=lambda d: -(d[0] * away[0] + d[1] * away[1]))
        candidates = [(x, y)] + [
            (x + dx * gap * ring, y + dy * gap * ring) for ring in range(1, 6) for dx, dy in directions
        ]
        spot = next(
            (c for c in candidates if all(math.dist(c, other) >= gap for other in placed)),
            candidates[-1],
        )
        placed.append(spot)
    return placed


def land_map(land: str, points: list[Point]) -> dict:
    """The shape of one Land with a numbered marker per (lon, lat) point, framed to both.

    Returns {"view_box", "width", "height", "path", "markers": [{"x", "y", "badge_x", "badge_y",
    "moved"}], and the sizes "radius", "dot_radius", "font_size", "stroke"}, all in SVG user units
    of the overview map's projection. The frame also holds a point just across a simplified border.
    """
    polygons = _land_polygons(land)
    outline = [project(point) for polygon in polygons for point in polygon]
    marks = [project(point) for point in points]
    xs = [x for x, _y in outline + marks]
    ys = [y for _x, y in outline + marks]
    side = max(max(xs) - min(xs), max(ys) - min(ys))
    radius = round(side * BADGE_RADIUS, 1)
    badges = [(round(x, 1), round(y, 1)) for x, y in _place_badges(marks, radius)]
    xs += [x + d for x, _y in badges for d in (-radius, radius)]
    ys += [y + d for _x, y in badges for d in (-radius, radius)]
    margin = side * MARGIN
    left, top = min(xs) - margin, min(ys) - margin
    width, height = max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin
    markers = [
        {"x": x, "y": y, "badge_x": bx, "badge_y": by, "moved": (bx, by) != (x, y)}
        for (x, y), (bx, by) in zip(marks, badges, strict=True)
    ]
    return {
        "view_box": f"{left:.1f} {top:.1f} {width:.1f} {height:.1f}",
        "width": round(width),
        "height": round(height),
        "path": _path(polygons),
        "markers": markers,
        "radius": radius,
        "dot_radius": round(radius * 0.3, 1),
        "font_size": round(radius * 1.1, 1),
        "stroke": round(radius * 0.12, 2),
    }

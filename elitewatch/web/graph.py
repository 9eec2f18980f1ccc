"""The who-met-whom network drawn as SVG geometry on the server: a force layout (networkx), fixed by a seed
so the same data draws the same picture."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import networkx as nx

WIDTH = 860
HEIGHT = 560
MARGIN = 60
DRAWN = 60  # the people drawn: the most connected; the JSON twin and the downloads hold them all


@dataclass
class Node:
    id: int
    name: str
    x: float
    y: float
    r: float
    events: int


@dataclass
class Edge:
    anchor: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str


@dataclass
class Drawing:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    left_out: int  # people not drawn (fewer events than the last one drawn)


def edge_anchor(edge: dict[str, Any]) -> str:
    return f"edge-{edge['source']}-{edge['target']}"


def draw(data: dict[str, Any]) -> Drawing:
    kept = {node["id"]: node for node in data["nodes"][:DRAWN]}
    edges = [e for e in data["edges"] if e["source"] in kept and e["target"] in kept]
    g = nx.Graph()
    g.add_nodes_from(kept)
    g.add_weighted_edges_from((e["source"], e["target"], e["weight"]) for e in edges)
    if not kept:
        return Drawing(WIDTH, 0, [], [], 0)
    layout = (
        nx.spring_layout(g, seed=7, k=1.8 / math.sqrt(len(kept)), iterations=100)
        if len(kept) > 1
        else {next(iter(kept)): (0.0, 0.0)}
    )
    xs = [p[0] for p in layout.values()]
    ys = [p[1] for p in layout.values()]

    def scale(value: float, low: float, high: float, size: int) -> float:
        return round(MARGIN + (value - low) / ((high - low) or 1.0) * (size - 2 * MARGIN), 1)

    at = {n: (scale(p[0], min(xs), max(xs), WIDTH), scale(p[1], min(ys), max(ys), HEIGHT)) for n, p in layout.items()}
    names = {n: kept[n]["name"] for n in kept}
    return Drawing(
        WIDTH,
        HEIGHT,
        [
            Node(
                n, kept[n]["name"], *at[n], r=round(4 + 2.5 * math.sqrt(kept[n]["events"]), 1), events=kept[n]["events"]
            )
            for n in kept
        ],
        [
            Edge(
                anchor=edge_anchor(e),
                x1=at[e["source"]][0],
                y1=at[e["source"]][1],
                x2=at[e["target"]][0],
                y2=at[e["target"]][1],
                width=round(1 + 1.5 * math.log(e["weight"]), 1) if e["weight"] > 1 else 1.0,
                title=f"{names[e['source']]} — {names[e['target']]}: {e['weight']} event(s)",
            )
            for e in edges
        ],
        max(0, len(data["nodes"]) - DRAWN),
    )

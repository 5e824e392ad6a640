//! A scenario's map drawn as SVG from core's layout: a row per layer (choices from
//! the start), endings in green, the start in bold, and problems in red with a
//! dashed border. A list under it says the same in words, for screen readers.

use leptos::prelude::*;
use wex_core::scenario_map::{MapNode, ScenarioMap};
use wex_core::words::plural;

const NODE_W: f64 = 180.0;
const NODE_H: f64 = 64.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 56.0;

fn position(node: &MapNode) -> (f64, f64) {
    (GAP_X + node.slot as f64 * (NODE_W + GAP_X), GAP_Y / 2.0 + node.layer as f64 * (NODE_H + GAP_Y))
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max - 1).collect::<String>() + "…"
    }
}

#[component]
pub fn ScenarioMapSvg(map: ScenarioMap, #[prop(into)] title: String) -> impl IntoView {
    let width = GAP_X + map.widest.max(1) as f64 * (NODE_W + GAP_X);
    let height = GAP_Y + map.layers.max(1) as f64 * (NODE_H + GAP_Y);
    let problems = map.problems();
    let counts = map.counts();
    let label = format!("Map of the scenario “{title}”: {counts}, {}.", plural(problems.len(), "problem"));
    let edges = map.edges.iter().filter_map(|edge| {
        let from = &map.nodes[edge.from];
        let to = &map.nodes[edge.to?];
        let (fx, fy) = position(from);
        let (tx, ty) = position(to);
        let (x1, y1) = (fx + NODE_W / 2.0, fy + NODE_H);
        let (x2, y2) = (tx + NODE_W / 2.0, ty);
        // Down the map: a curve from bottom to top. Across a row: side to side. Back
        // up the map (a loop): a curve out to the right.
        let d = if to.layer > from.layer {
            format!("M{x1},{y1} C{x1},{:.1} {x2},{:.1} {x2},{y2}", y1 + GAP_Y / 2.0, y2 - GAP_Y / 2.0)
        } else if to.layer == from.layer && tx > fx {
            format!("M{},{} L{},{}", fx + NODE_W, fy + NODE_H / 2.0, tx, ty + NODE_H / 2.0)
        } else {
            let side = fx.max(tx) + NODE_W + GAP_X / 2.0;
            format!("M{},{} C{side},{} {side},{} {},{}", fx + NODE_W, fy + NODE_H / 2.0, fy + NODE_H / 2.0, ty + NODE_H / 2.0, tx + NODE_W, ty + NODE_H / 2.0)
        };
        let class = if edge.conditional { "wex-map__edge wex-map__edge--conditional" } else { "wex-map__edge" };
        Some(view! { <path class=class d=d marker-end="url(#wex-map-arrow)"><title>{edge.label.clone()}</title></path> })
    }).collect_view();
    let nodes = map.nodes.iter().map(|node| {
        let (x, y) = position(node);
        let mut class = String::from("wex-map__node");
        if node.start { class.push_str(" wex-map__node--start"); }
        if node.ending.is_some() { class.push_str(" wex-map__node--ending"); }
        if node.has_problem() { class.push_str(" wex-map__node--problem"); }
        let second = match (&node.ending, node.has_problem()) {
            (_, true) => format!("⚠ {}", node.problems().first().copied().unwrap_or_default()),
            (Some(outcome), false) => format!("Ending: {outcome}"),
            (None, false) => node.who().unwrap_or_default(),
        };
        view! {
            <g class=class data-node=node.id.clone()>
                <rect x=x y=y width=NODE_W height=NODE_H rx="6"></rect>
                <text x=x + 10.0 y=y + 24.0 class="wex-map__id">{short(&node.id, 22)}</text>
                <text x=x + 10.0 y=y + 46.0 class="wex-map__detail">{short(&second, 26)}</text>
            </g>
        }
    }).collect_view();
    view! {
        <figure class="wex-map">
            <div class="wex-map__scroll">
                <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=label width=width height=height viewBox=format!("0 0 {width} {height}")>
                    <defs>
                        <marker id="wex-map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z"></path>
                        </marker>
                    </defs>
                    {edges}
                    {nodes}
                </svg>
            </div>
            <figcaption class="nhsuk-body-s">
                {format!("{counts}. ")}
                {if problems.is_empty() { "No problems with its shape.".to_string() } else { format!("{}:", plural(problems.len(), "problem")) }}
            </figcaption>
            {(!problems.is_empty()).then(|| view! {
                <ul class="nhsuk-list nhsuk-list--bullet wex-map__problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })}
        </figure>
    }
}

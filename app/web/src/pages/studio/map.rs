//! A scenario's map drawn as SVG from core's layout: a row per layer (choices from
//! the start), endings in green, the start in bold, problems in red with a dashed
//! border, choices with a condition dashed, and each choice with a condition or an
//! effect numbered. A key explains the marks; lists under the map say the problems
//! and the numbered choices in words, which screen readers read too.

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

/// The point a fraction `t` of the way along a cubic curve.
fn along([p0, p1, p2, p3]: [(f64, f64); 4], t: f64) -> (f64, f64) {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0, a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1)
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
    // Every choice with a condition or an effect, by its index, in words.
    let notes: Vec<(usize, String)> = map
        .edges
        .iter()
        .enumerate()
        .filter_map(|(index, edge)| {
            let note = edge.note()?;
            let to = edge.to.map_or_else(|| edge.missing.clone().unwrap_or_default(), |to| map.nodes[to].id.clone());
            Some((index, format!("{} → {to}, “{}”: {note}", map.nodes[edge.from].id, edge.label)))
        })
        .collect();
    let edges = map.edges.iter().enumerate().filter_map(|(index, edge)| {
        let from = &map.nodes[edge.from];
        let to = &map.nodes[edge.to?];
        let (fx, fy) = position(from);
        let (tx, ty) = position(to);
        let (x1, y1) = (fx + NODE_W / 2.0, fy + NODE_H);
        let (x2, y2) = (tx + NODE_W / 2.0, ty);
        // Down the map: a curve from bottom to top. Across a row: side to side. Back
        // up the map (a loop): a curve out to the right.
        // Every edge is a cubic curve: down the map, bottom to top; across a row,
        // side to side (a straight line); back up the map (a loop), out to the right.
        let curve = if to.layer > from.layer {
            [(x1, y1), (x1, y1 + GAP_Y / 2.0), (x2, y2 - GAP_Y / 2.0), (x2, y2)]
        } else if to.layer == from.layer && tx > fx {
            let (a, b) = ((fx + NODE_W, fy + NODE_H / 2.0), (tx, ty + NODE_H / 2.0));
            [a, a, b, b]
        } else {
            let side = fx.max(tx) + NODE_W + GAP_X / 2.0;
            let (ay, by) = (fy + NODE_H / 2.0, ty + NODE_H / 2.0);
            [(fx + NODE_W, ay), (side, ay), (side, by), (tx + NODE_W, by)]
        };
        let [p0, p1, p2, p3] = curve;
        let d = format!("M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", p0.0, p0.1, p1.0, p1.1, p2.0, p2.1, p3.0, p3.1);
        let class = match (edge.conditional(), edge.never_offered) {
            (_, true) => "wex-map__edge wex-map__edge--conditional wex-map__edge--problem",
            (true, false) => "wex-map__edge wex-map__edge--conditional",
            (false, false) => "wex-map__edge",
        };
        // A choice with a condition or an effect carries a number, two thirds of the
        // way along, that the list under the map explains.
        let numbered = edge.note().map(|note| {
            let n = notes.iter().position(|(i, _)| *i == index).map_or(0, |p| p + 1);
            let (x, y) = along(curve, 0.65);
            let title = format!("{n}. {} ({note})", edge.label);
            view! {
                <g class="wex-map__badge"><title>{title}</title>
                    <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="9"></circle>
                    <text x=format!("{x:.1}") y=format!("{:.1}", y + 4.0) text-anchor="middle">{n}</text>
                </g>
            }
        });
        Some(view! { <g><path class=class d=d marker-end="url(#wex-map-arrow)"><title>{edge.label.clone()}</title></path>{numbered}</g> })
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
            <ul class="wex-map__legend nhsuk-body-s" aria-label="Key to the map">
                <li><svg width="36" height="12" aria-hidden="true"><line class="wex-map__edge" x1="2" y1="6" x2="34" y2="6"></line></svg>" a choice always offered"</li>
                <li><svg width="36" height="12" aria-hidden="true"><line class="wex-map__edge wex-map__edge--conditional" x1="2" y1="6" x2="34" y2="6"></line></svg>" offered only when its condition holds"</li>
                <li><svg width="20" height="20" aria-hidden="true" class="wex-map__badge"><circle cx="10" cy="10" r="9"></circle><text x="10" y="14" text-anchor="middle">"1"</text></svg>" a choice with a condition or an effect, numbered in the list under the map"</li>
                <li><span class="wex-map__swatch wex-map__swatch--start"></span>" the start"</li>
                <li><span class="wex-map__swatch wex-map__swatch--ending"></span>" an ending"</li>
                <li><span class="wex-map__swatch wex-map__swatch--problem"></span>" a problem, listed under the map"</li>
            </ul>
            <figcaption class="nhsuk-body-s">
                {format!("{counts}. ")}
                {if problems.is_empty() { "No problems found.".to_string() } else { format!("{}:", plural(problems.len(), "problem")) }}
            </figcaption>
            {(!problems.is_empty()).then(|| view! {
                <ul class="nhsuk-list nhsuk-list--bullet wex-map__problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })}
            {(!notes.is_empty()).then(|| view! {
                <p class="nhsuk-body-s">{format!("{} with a condition or an effect:", plural(notes.len(), "choice"))}</p>
                <ol class="nhsuk-list nhsuk-list--number nhsuk-body-s wex-map__notes">{notes.into_iter().map(|(_, n)| view! { <li>{n}</li> }).collect_view()}</ol>
            })}
        </figure>
    }
}

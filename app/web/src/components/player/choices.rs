//! A group of NHS radios (choose one) or checkboxes (choose any), the one piece of
//! markup every choosing activity shares.

use leptos::prelude::*;

/// `name` is the group's id prefix: option `i` (its index in the bundle) gets the
/// id `{name}-{i}`; [`first_option_id`] names the one shown first, for an error
/// summary. `order` is the order they are shown in (see `StepCtx::order`).
#[component]
pub fn ChoiceOptions(
    #[prop(into)] name: String,
    multiple: bool,
    options: Vec<String>,
    order: Vec<usize>,
    #[prop(into)] chosen: Signal<Vec<usize>>,
    #[prop(into, optional)] disabled: Signal<bool>,
    /// Called with an option's index and whether it is now chosen.
    on_change: Callback<(usize, bool)>,
) -> impl IntoView {
    let (group, item, input, label) = if multiple {
        ("nhsuk-checkboxes", "nhsuk-checkboxes__item", "nhsuk-checkboxes__input", "nhsuk-label nhsuk-checkboxes__label")
    } else {
        ("nhsuk-radios", "nhsuk-radios__item", "nhsuk-radios__input", "nhsuk-label nhsuk-radios__label")
    };
    let kind = if multiple { "checkbox" } else { "radio" };
    let items = order
        .into_iter()
        .filter_map(|i| options.get(i).cloned().map(|text| (i, text)))
        .map(|(i, text)| {
            let id = format!("{name}-{i}");
            view! {
                <div class=item>
                    <input
                        class=input
                        id=id.clone()
                        name=name.clone()
                        type=kind
                        value=i.to_string()
                        prop:checked=move || chosen.with(|c| c.contains(&i))
                        disabled=move || disabled.get()
                        on:change=move |ev| on_change.run((i, event_target_checked(&ev)))
                    />
                    <label class=label for=id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! { <div class=group>{items}</div> }
}

/// The id of the option shown first in a group (see [`ChoiceOptions`]).
pub fn first_option_id(name: &str, order: &[usize]) -> String {
    format!("{name}-{}", order.first().copied().unwrap_or(0))
}

/// The new selection after option `i` changed: radios hold one, checkboxes any.
pub fn toggle(mut chosen: Vec<usize>, i: usize, checked: bool, multiple: bool) -> Vec<usize> {
    if !multiple {
        chosen.clear();
    }
    chosen.retain(|c| *c != i);
    if checked {
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
}

//! Tags: short status labels.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagColour {
    #[default]
    Default,
    /// No colour and no border, in normal weight: how the task list shows "Completed".
    Plain,
    Grey,
    Blue,
    Green,
    Yellow,
    Red,
}

impl TagColour {
    pub fn as_class(self) -> &'static str {
        match self {
            TagColour::Default => "nhsuk-tag",
            TagColour::Plain => "nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal",
            TagColour::Grey => "nhsuk-tag nhsuk-tag--grey",
            TagColour::Blue => "nhsuk-tag nhsuk-tag--blue",
            TagColour::Green => "nhsuk-tag nhsuk-tag--green",
            TagColour::Yellow => "nhsuk-tag nhsuk-tag--yellow",
            TagColour::Red => "nhsuk-tag nhsuk-tag--red",
        }
    }
}

#[component]
pub fn Tag(#[prop(optional)] colour: TagColour, #[prop(into)] text: String) -> impl IntoView {
    view! { <strong class=colour.as_class()>{text}</strong> }
}

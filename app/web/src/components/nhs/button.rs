//! Buttons: primary, secondary and reverse.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ButtonVariant {
    #[default]
    Primary,
    Secondary,
    Reverse,
}

impl ButtonVariant {
    pub fn as_class(self) -> &'static str {
        match self {
            ButtonVariant::Primary => "nhsuk-button",
            ButtonVariant::Secondary => "nhsuk-button nhsuk-button--secondary",
            ButtonVariant::Reverse => "nhsuk-button nhsuk-button--reverse",
        }
    }
}

/// A `<button type="button">` that runs `on_click`.
#[component]
pub fn Button(
    #[prop(optional)] variant: ButtonVariant,
    #[prop(into, optional)] disabled: Signal<bool>,
    on_click: impl FnMut(web_sys::MouseEvent) + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <button
            class=variant.as_class()
            type="button"
            disabled=move || disabled.get()
            aria-disabled=move || disabled.get().then_some("true")
            on:click=on_click
        >
            {children()}
        </button>
    }
}

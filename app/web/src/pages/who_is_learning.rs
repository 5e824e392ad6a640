//! "Who is learning?": choose or add a profile on a shared device, with an
//! optional PIN, and a plain statement of what the PIN does and does not do.

use crate::components::field::{error_for, TextField};
use crate::components::nhs::{Button, ErrorItem, ErrorSummary, InsetText};
use crate::components::page_heading::PageHeading;
use crate::load::Load;
use crate::router::use_router;
use crate::notices::StorageProblem;
use crate::platform::{now_ms, random_bytes, random_id};
use crate::session::{activate, ActiveProfile};
use crate::storage::{self, profiles::Profile};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wex_core::pin::{check_pin, hash_pin, is_valid_pin, wait_in_words, FREE_TRIES};

#[component]
pub fn WhoIsLearning() -> impl IntoView {
    let refresh = RwSignal::new(0);
    let problem = StorageProblem::get();
    let profiles = Load::new(move || {
        refresh.track();
        async move {
            let list = storage::profiles::list().await;
            problem.report(&list);
            list.unwrap_or_default()
        }
    });
    let unlocking = RwSignal::new(None::<Profile>);
    let adding = RwSignal::new(false);
    let router = use_router();
    // Each choice draws a new page: it starts at the top, with focus on its heading.
    let start_adding = move || {
        router.focus_next_heading();
        adding.set(true);
    };
    let back_to_list = move || {
        router.focus_next_heading();
        adding.set(false);
        unlocking.set(None);
    };
    view! {
        {move || match (unlocking.get(), adding.get()) {
            (Some(profile), _) => view! { <EnterPin profile=profile on_cancel=back_to_list /> }.into_any(),
            (None, true) => view! { <AddProfile on_cancel=back_to_list /> }.into_any(),
            (None, false) => {
                let list = profiles.get().unwrap_or_default();
                view! {
                    <PageHeading text="Who is learning?" />
                    <p class="nhsuk-body-l">"Each learner on this device has their own profile, so nobody else sees your answers."</p>
                    {if list.is_empty() {
                        view! { <p class="nhsuk-body">"There are no profiles on this device yet. Add one to start."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="nhsuk-list wex-profiles">
                                {list.into_iter().map(|profile| {
                                    let name = profile.name.clone();
                                    let has_pin = profile.pin.is_some();
                                    view! {
                                        <li>
                                            <button type="button" class="nhsuk-button nhsuk-button--secondary wex-profile"
                                                on:click=move |_| if profile.pin.is_some() { unlocking.set(Some(profile.clone())) } else { activate(ActiveProfile::get(), router, profile.clone()) }>
                                                {name}{has_pin.then(|| view! { <span class="nhsuk-u-visually-hidden">" (needs a PIN)"</span> })}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <Button on_click=move |_| start_adding()>"Add a learner"</Button>
                }.into_any()
            }
        }}
    }
}

#[component]
fn AddProfile(on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<ErrorItem>::new());
    let saving = RwSignal::new(false);
    let problem = StorageProblem::get();
    let active = ActiveProfile::get();
    let router = use_router();
    let submit = move |_| {
        let (n, p, c) = (name.get_untracked().trim().to_string(), pin.get_untracked(), confirm.get_untracked());
        let mut errors = Vec::new();
        if n.is_empty() {
            errors.push(ErrorItem::field("Enter your name", "profile-name"));
        } else if n.chars().count() > 40 {
            errors.push(ErrorItem::field("Your name must be 40 characters or fewer", "profile-name"));
        }
        if !p.is_empty() && !is_valid_pin(&p) {
            errors.push(ErrorItem::field("A PIN must be 4 to 8 numbers", "profile-pin"));
        } else if !p.is_empty() && p != c {
            errors.push(ErrorItem::field("The two PINs do not match", "profile-pin-confirm"));
        }
        problems.set(errors.clone());
        if !errors.is_empty() {
            return;
        }
        saving.set(true);
        let profile = Profile::new(random_id(), n, (!p.is_empty()).then(|| hash_pin(&p, random_bytes())), now_ms());
        spawn_local(async move {
            let saved = storage::profiles::save(&profile).await;
            problem.report(&saved);
            if saved.is_ok() {
                // Progress saved before profiles existed joins the first profile.
                let _ = storage::records::adopt_unowned(&profile.id).await;
            }
            // Where the browser refuses storage, the learner can still use Wex for
            // this visit; the banner says their answers will not be kept.
            activate(active, router, profile);
            saving.set(false);
        });
    };
    view! {
        <PageHeading text="Add a learner" />
        {move || (!problems.get().is_empty()).then(|| view! { <ErrorSummary title="There is a problem" items=problems.get() /> })}
        <TextField id="profile-name" label="Your name" hint="Your first name is enough. It is only kept on this device." value=name
            error=error_for(problems, "profile-name") autocomplete="given-name" />
        <TextField id="profile-pin" label="PIN (optional)" hint="4 to 8 numbers. Leave blank for no PIN." value=pin
            error=error_for(problems, "profile-pin") kind="password" autocomplete="new-password" width="nhsuk-input--width-10" inputmode="numeric" />
        <TextField id="profile-pin-confirm" label="Type the PIN again" value=confirm
            error=error_for(problems, "profile-pin-confirm") kind="password" autocomplete="new-password" width="nhsuk-input--width-10" inputmode="numeric" />
        <InsetText>
            <p>"A PIN stops other people using this device from opening your profile in Wex. It does not lock your answers away: someone who knows how to use the browser's developer tools on this device could still read them. Do not write anything you would not want a teacher to see."</p>
        </InsetText>
        <div class="wex-button-group">
            <Button on_click=submit disabled=saving>"Start learning"</Button>
            <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| on_cancel()>"Cancel"</button>
        </div>
    }
}

#[component]
fn EnterPin(profile: Profile, on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(None::<String>);
    let active = ActiveProfile::get();
    let router = use_router();
    let problem = StorageProblem::get();
    let name = profile.name.clone();
    let profile = StoredValue::new(profile);
    // The learner came here to type their PIN: the field has focus.
    crate::focus::focus_soon("pin".into(), false);
    let submit = move || {
        let mut p = profile.get_value();
        let now = now_ms();
        let wait = p.pin_tries.wait_left(now);
        if wait > 0 {
            wrong.set(Some(format!("Too many wrong PINs. Wait {} before you try again", wait_in_words(wait))));
            return;
        }
        if p.pin.as_ref().is_some_and(|hash| check_pin(&pin.get_untracked(), hash)) {
            if p.pin_tries.failures > 0 {
                p.pin_tries = Default::default();
                let saved = p.clone();
                spawn_local(async move { problem.report(&storage::profiles::save(&saved).await) });
            }
            activate(active, router, p);
            return;
        }
        p.pin_tries = p.pin_tries.failed(now);
        let wait = p.pin_tries.wait_left(now);
        wrong.set(Some(if wait > 0 {
            format!("That PIN is not right. Wait {} before you try again", wait_in_words(wait))
        } else {
            "That PIN is not right. Try again".to_string()
        }));
        pin.set(String::new());
        profile.set_value(p.clone());
        // Kept with the profile, so reloading the page does not reset the count.
        spawn_local(async move { problem.report(&storage::profiles::save(&p).await) });
    };
    view! {
        <PageHeading text=format!("Enter {name}'s PIN") />
        {move || wrong.get().map(|text| view! {
            <ErrorSummary title="There is a problem" items=vec![ErrorItem::field(text, "pin")] />
        })}
        <div on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { submit() }>
            <TextField id="pin" label="PIN" hint=format!("After {FREE_TRIES} wrong PINs in a row, each try has to wait a little longer.") value=pin error=Signal::derive(move || wrong.get())
                kind="password" autocomplete="current-password" width="nhsuk-input--width-10" inputmode="numeric" />
        </div>
        <div class="wex-button-group">
            <Button on_click=move |_| submit()>"Continue"</Button>
            <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| on_cancel()>"Choose someone else"</button>
        </div>
    }
}

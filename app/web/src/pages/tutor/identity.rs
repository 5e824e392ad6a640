//! The tutor's identity: set up (name, organisation, a key sealed with a
//! passphrase), unlock, restore from a backup file, and remove from this device.

use crate::components::field::{error_for, FileField, TextField};
use crate::components::nhs::{Button, ButtonVariant, ErrorItem, ErrorSummary, InsetText};
use crate::components::page_heading::PageHeading;
use crate::files::read_bytes;
use crate::load::Load;
use crate::notices::StorageProblem;
use crate::platform::{let_the_page_update, random_bytes};
use crate::session::{TutorSession, Unlocked};
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wex_core::tutor::{restore, Identity, SetUp, SetUpField, MAX_BACKUP_BYTES};

/// What a device's tutor identity is, once read from storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    None,
    Locked(Identity),
}

/// Shows `children` when the tutor's key is unlocked; otherwise the form that gets
/// them there: set up, unlock or restore.
#[component]
pub fn TutorGate(children: ChildrenFn) -> impl IntoView {
    let session = TutorSession::get();
    let stored = Load::new(|| async { storage::tutor::identity().await.map(|i| i.map_or(Stored::None, Stored::Locked)) });
    let restoring = RwSignal::new(false);
    move || {
        if session.is_unlocked() {
            return children().into_any();
        }
        match stored.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(why)) => view! {
                <PageHeading text="The tutor area needs storage" />
                <p class="nhsuk-body">{why.to_string()}</p>
                <p class="nhsuk-body">"Your signing key, assignments and the records you import are kept in this browser's storage. Open Wex in a normal (not private) window to use the tutor area."</p>
            }
            .into_any(),
            Some(Ok(_)) if restoring.get() => view! { <Restore on_cancel=move || restoring.set(false) /> }.into_any(),
            Some(Ok(Stored::None)) => view! { <SetUp on_restore=move || restoring.set(true) /> }.into_any(),
            Some(Ok(Stored::Locked(identity))) => {
                view! { <Unlock identity=identity on_restore=move || restoring.set(true) on_removed=move || stored.refetch() /> }.into_any()
            }
        }
    }
}

#[component]
fn SetUp(on_restore: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = TutorSession::get();
    let problem = StorageProblem::get();
    let (name, organisation, passphrase, confirm) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let working = RwSignal::new(false);
    let submit = move |_| {
        let (n, o, p, c) = (name.get_untracked(), organisation.get_untracked(), passphrase.get_untracked(), confirm.get_untracked());
        let form = SetUp { name: &n, organisation: &o, passphrase: &p, confirm: &c };
        let found: Vec<ErrorItem> = form
            .problems()
            .into_iter()
            .map(|(field, text)| {
                let id = match field {
                    SetUpField::Name => "tutor-name",
                    SetUpField::Organisation => "tutor-organisation",
                    SetUpField::Passphrase => "tutor-passphrase",
                    SetUpField::Confirm => "tutor-confirm",
                };
                ErrorItem::field(text, id)
            })
            .collect();
        errors.set(found.clone());
        if !found.is_empty() {
            return;
        }
        working.set(true);
        spawn_local(async move {
            let_the_page_update().await;
            let seed = random_bytes::<32>();
            let identity = Identity::create(&n, &o, &seed, &p, random_bytes(), random_bytes());
            let saved = storage::tutor::save_identity(&identity).await;
            problem.report(&saved);
            working.set(false);
            if saved.is_ok() {
                session.unlock(Unlocked { identity, seed });
            }
        });
    };
    view! {
        <PageHeading text="Set up your tutor area" />
        <p class="nhsuk-body">"Set your students a placement, collect the completion records they hand in and countersign their certificates. There are no accounts: everything stays in this browser, and moves as links and files you share the way you already do (email, Google Classroom, Teams)."</p>
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary title="There is a problem" items=errors /> })}
        <TextField id="tutor-name" label="Your name" hint="As your students know you, for example Ms Patel." value=name error=error_for(errors, "tutor-name") autocomplete="name" />
        <TextField id="tutor-organisation" label="Your school or college" hint="Certificates you countersign will say “Verified by” this name." value=organisation error=error_for(errors, "tutor-organisation") autocomplete="organization" />
        <TextField id="tutor-passphrase" label="Create a passphrase" hint="At least 12 characters. Three random words make a strong passphrase you can remember." value=passphrase error=error_for(errors, "tutor-passphrase") kind="password" autocomplete="new-password" />
        <TextField id="tutor-confirm" label="Type the passphrase again" value=confirm error=error_for(errors, "tutor-confirm") kind="password" autocomplete="new-password" />
        <InsetText>
            <p>"Wex makes you a signing key in this browser. Learners' devices use it to check that an assignment, or a countersigned certificate, really came from you. The key is locked with your passphrase: nobody can use it without the passphrase, and Wex cannot recover it if you forget it."</p>
        </InsetText>
        <div class="wex-button-group">
            <Button on_click=submit disabled=working>"Create my tutor area"</Button>
            <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| on_restore()>"Restore from a key backup"</button>
        </div>
        {move || working.get().then(|| view! { <p class="nhsuk-body" role="status">"Making and locking your key…"</p> })}
    }
}

#[component]
fn Unlock(identity: Identity, on_restore: impl Fn() + Copy + Send + Sync + 'static, on_removed: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = TutorSession::get();
    let problem = StorageProblem::get();
    let passphrase = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let working = RwSignal::new(false);
    let confirm_remove = RwSignal::new(false);
    let who = format!("{}, {}", identity.name, identity.organisation);
    let identity = StoredValue::new(identity);
    let submit = move || {
        let p = passphrase.get_untracked();
        working.set(true);
        spawn_local(async move {
            let_the_page_update().await;
            let identity = identity.get_value();
            match identity.unlock(&p) {
                Ok(seed) => session.unlock(Unlocked { identity, seed }),
                Err(why) => {
                    passphrase.set(String::new());
                    errors.set(vec![ErrorItem::field(why, "tutor-unlock")]);
                }
            }
            working.set(false);
        });
    };
    let remove = move |_| {
        spawn_local(async move {
            let removed = storage::tutor::forget_identity().await;
            problem.report(&removed);
            if removed.is_ok() {
                on_removed();
            }
        });
    };
    view! {
        <PageHeading text="Unlock your tutor area" />
        <p class="nhsuk-body">{format!("Tutor: {who}.")}</p>
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary title="There is a problem" items=errors /> })}
        <div on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { submit() }>
            <TextField id="tutor-unlock" label="Passphrase" value=passphrase error=error_for(errors, "tutor-unlock") kind="password" autocomplete="current-password" />
        </div>
        <div class="wex-button-group">
            <Button on_click=move |_| submit() disabled=working>"Unlock"</Button>
            <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| on_restore()>"Restore a different key backup"</button>
        </div>
        {move || working.get().then(|| view! { <p class="nhsuk-body" role="status">"Checking your passphrase…"</p> })}
        <h2 class="nhsuk-heading-m">"Not your tutor area?"</h2>
        <p class="nhsuk-body">"On a shared computer you can remove this tutor's key from this browser. Assignments already shared keep working for learners. Without a backup of the key, nobody can countersign for these assignments again."</p>
        {move || if confirm_remove.get() {
            view! {
                <div class="nhsuk-warning-callout">
                    <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Remove this key?"</span></h3>
                    <p>"This cannot be undone without the key's backup file and passphrase."</p>
                    <div class="wex-button-group">
                        <Button variant=ButtonVariant::Secondary on_click=remove>"Yes, remove the key from this browser"</Button>
                        <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| confirm_remove.set(false)>"Keep it"</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! { <Button variant=ButtonVariant::Secondary on_click=move |_| confirm_remove.set(true)>"Remove this tutor's key"</Button> }.into_any()
        }}
    }
}

#[component]
fn Restore(on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = TutorSession::get();
    let problem = StorageProblem::get();
    let passphrase = RwSignal::new(String::new());
    let file = StoredValue::new_local(None::<web_sys::File>);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let working = RwSignal::new(false);
    let submit = move |_| {
        let p = passphrase.get_untracked();
        let Some(chosen) = file.get_value() else {
            errors.set(vec![ErrorItem::field("Choose your key backup file", "tutor-backup")]);
            return;
        };
        working.set(true);
        spawn_local(async move {
            let_the_page_update().await;
            let outcome = async {
                let bytes = read_bytes(&chosen, MAX_BACKUP_BYTES, "This file is too large to be a Wex tutor key backup.").await.map_err(|e| ("tutor-backup", e))?;
                let identity = restore(&bytes).map_err(|e| ("tutor-backup", e))?;
                let seed = identity.unlock(&p).map_err(|e| ("tutor-restore-passphrase", e))?;
                Ok::<_, (&str, String)>(Unlocked { identity, seed })
            }
            .await;
            match outcome {
                Ok(unlocked) => {
                    let saved = storage::tutor::save_identity(&unlocked.identity).await;
                    problem.report(&saved);
                    if saved.is_ok() {
                        session.unlock(unlocked);
                    }
                }
                Err((field, why)) => errors.set(vec![ErrorItem::field(why, field)]),
            }
            working.set(false);
        });
    };
    let file_error = error_for(errors, "tutor-backup");
    view! {
        <PageHeading text="Restore your tutor key" />
        <p class="nhsuk-body">"Choose the backup file you saved, and type the passphrase you locked it with. It replaces any tutor key in this browser."</p>
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary title="There is a problem" items=errors /> })}
        <FileField id="tutor-backup" label="Key backup file" error=file_error
            on_files={move |files: Vec<web_sys::File>| file.set_value(files.into_iter().next())} />
        <TextField id="tutor-restore-passphrase" label="Passphrase" value=passphrase error=error_for(errors, "tutor-restore-passphrase") kind="password" autocomplete="current-password" />
        <div class="wex-button-group">
            <Button on_click=submit disabled=working>"Restore"</Button>
            <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| on_cancel()>"Cancel"</button>
        </div>
        {move || working.get().then(|| view! { <p class="nhsuk-body" role="status">"Opening your backup…"</p> })}
    }
}

//! Answers as they are being typed, kept in localStorage until IndexedDB has them.
//!
//! A written answer is saved to IndexedDB after a short pause in typing, but a
//! browser that is closing does not wait for an IndexedDB transaction to commit:
//! words typed just before a tab or laptop lid closes could be lost. localStorage is
//! written synchronously, so every keystroke's text is kept here first, as the
//! record it will become, and removed once IndexedDB has that record. Whatever is
//! still here the next time the learner's records are read is saved then (see
//! [`super::records`] and [`wex_core::progress::unsaved_answers`]).
//!
//! One key per profile holds that learner's unsaved answers as JSON. Where the
//! browser refuses localStorage (some private modes, a full quota) nothing is kept
//! and answers are saved to IndexedDB as before.

use wex_core::progress::{Action, Record};

/// The localStorage key of a profile's unsaved answers.
fn key(profile: &str) -> String {
    format!("wex-typing:{profile}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read(storage: &web_sys::Storage, profile: &str) -> Vec<Record> {
    storage
        .get_item(&key(profile))
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn write(storage: &web_sys::Storage, profile: &str, records: &[Record]) {
    // A refusal (quota, private mode) leaves the answer to the IndexedDB save.
    let _ = if records.is_empty() {
        storage.remove_item(&key(profile))
    } else {
        storage.set_item(&key(profile), &serde_json::to_string(records).expect("records serialize"))
    };
}

/// The same answer box: bundle, item and field.
fn same_field(a: &Record, b: &Record) -> bool {
    let field = |r: &Record| match &r.action {
        Action::Written { field, .. } => Some(field.clone()),
        _ => None,
    };
    a.bundle == b.bundle && a.item == b.item && field(a).is_some() && field(a) == field(b)
}

/// Keeps the text of an answer box as it is now (a `Written` record), replacing what
/// was kept for that box before.
pub fn keep(profile: &str, answer: Record) {
    let Some(storage) = local_storage() else { return };
    let mut kept = read(&storage, profile);
    kept.retain(|r| !same_field(r, &answer));
    kept.push(answer);
    write(&storage, profile, &kept);
}

/// Forgets the kept answers that IndexedDB now has word for word. A box typed in
/// since keeps its newer text.
pub fn saved(profile: &str, records: &[Record]) {
    let Some(storage) = local_storage() else { return };
    let kept = read(&storage, profile);
    if kept.is_empty() {
        return;
    }
    let still: Vec<Record> = kept.iter().filter(|k| !records.iter().any(|r| same_field(k, r) && r.action == k.action)).cloned().collect();
    if still.len() != kept.len() {
        write(&storage, profile, &still);
    }
}

/// Takes every kept answer of a profile out of localStorage, to be saved.
pub fn take(profile: &str) -> Vec<Record> {
    let Some(storage) = local_storage() else { return Vec::new() };
    let kept = read(&storage, profile);
    if !kept.is_empty() {
        write(&storage, profile, &[]);
    }
    kept
}

/// Puts back answers that were taken but could not be saved, unless the box has
/// been typed in since.
pub fn put_back(profile: &str, answers: Vec<Record>) {
    let Some(storage) = local_storage() else { return };
    let mut kept = read(&storage, profile);
    for answer in answers {
        if !kept.iter().any(|k| same_field(k, &answer)) {
            kept.push(answer);
        }
    }
    write(&storage, profile, &kept);
}

/// Forgets every kept answer of a profile (when the profile is deleted).
pub fn forget(profile: &str) {
    if let Some(storage) = local_storage() {
        write(&storage, profile, &[]);
    }
}

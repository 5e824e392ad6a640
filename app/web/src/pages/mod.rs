//! One file per page, and the page table of the learner's app and the tutor's
//! area (the shell's is in `crate::shell`, the studio's in `studio`). Which app
//! serves a route is decided once, in [`Route::owner`].

use crate::router::Route;
use elsewhere::ElsewhereInWex;
use leptos::prelude::*;

pub mod add_placement;
pub mod applications;
pub mod catalogue;
pub mod hand_in;
pub mod certificate;
pub mod elsewhere;
pub mod join;
pub mod module;
pub mod my_assignments;
pub mod not_found;
pub mod placement;
pub mod profile_and_progress;
pub mod reflections;
#[cfg(feature = "studio")]
pub mod studio;
pub mod tutor;
pub mod verify;
pub mod who_is_learning;

/// Every learner's page, for the full app.
pub fn learner_pages(route: Route) -> AnyView {
    match route {
        Route::Catalogue => view! { <catalogue::Catalogue /> }.into_any(),
        Route::Placement { bundle } => view! { <placement::Placement bundle=bundle /> }.into_any(),
        Route::Module { bundle, module, step } => view! { <module::ModulePage bundle=bundle module=module step=step /> }.into_any(),
        Route::Profile => view! { <profile_and_progress::ProfilePage /> }.into_any(),
        Route::Reflections => view! { <reflections::Reflections /> }.into_any(),
        Route::Applications { document } => applications::page(document),
        Route::Certificate { bundle } => view! { <certificate::CertificatePage bundle=bundle /> }.into_any(),
        Route::Verify => view! { <verify::VerifyPage /> }.into_any(),
        Route::Join => view! { <join::JoinPage /> }.into_any(),
        Route::AddPlacement => view! { <add_placement::AddPlacement /> }.into_any(),
        Route::Tutor | Route::NewAssignment | Route::TutorAssignment { .. } | Route::Author => view! { <ElsewhereInWex /> }.into_any(),
        Route::NotFound { .. } => view! { <not_found::NotFound message="Check the address, or go to the list of placements." /> }.into_any(),
    }
}

/// The tutor's area, an app of its own: learners never download it.
pub fn tutor_pages(route: Route) -> AnyView {
    match route {
        Route::Tutor => view! { <tutor::TutorHome /> }.into_any(),
        Route::NewAssignment => view! { <tutor::new_assignment::NewAssignment /> }.into_any(),
        Route::TutorAssignment { id } => view! { <tutor::assignment::AssignmentPage id=id /> }.into_any(),
        Route::Catalogue | Route::Placement { .. } | Route::Module { .. } | Route::Profile | Route::Reflections | Route::Applications { .. } | Route::Certificate { .. } | Route::Verify | Route::Join | Route::AddPlacement | Route::Author | Route::NotFound { .. } => view! { <ElsewhereInWex /> }.into_any(),
    }
}

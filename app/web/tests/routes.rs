//! The route table (`Route::owner`): every page has exactly one app that serves it
//! when its address is opened, and that app shows it rather than handing it over.

use wasm_bindgen_test::*;
use wex_web::router::{AppKind, Route};

wasm_bindgen_test_configure!(run_in_browser);

const APPS: [AppKind; 4] = [AppKind::Shell, AppKind::Learner, AppKind::Tutor, AppKind::Studio];

#[wasm_bindgen_test]
fn every_route_has_one_owner_which_serves_it() {
    for route in Route::examples() {
        let owner = route.owner();
        assert!(owner.serves(&route), "{route:?} is owned by {owner:?}, which does not serve it");
        // The shell serves only what it owns and hands everything else over.
        assert_eq!(AppKind::Shell.serves(&route), owner == AppKind::Shell, "{route:?}");
        // No learner's page is in the tutor's area, and no tutor's page in the learner's app.
        assert_eq!(AppKind::Tutor.serves(&route), owner == AppKind::Tutor, "{route:?}");
        assert_eq!(AppKind::Learner.serves(&route), matches!(owner, AppKind::Shell | AppKind::Learner), "{route:?}");
        let serving: Vec<AppKind> = APPS.into_iter().filter(|app| app.serves(&route)).collect();
        assert!(!serving.is_empty(), "{route:?} is served by no app");
    }
}

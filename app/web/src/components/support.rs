//! Where to get support, shown before modules with content warnings.

use leptos::prelude::*;

#[component]
pub fn SupportList() -> impl IntoView {
    view! {
        <h2 class="nhsuk-heading-m">"Where to get support"</h2>
        <p class="nhsuk-body">"If something in this module upsets you, or brings back difficult memories, you do not have to deal with it alone:"</p>
        <ul class="nhsuk-list nhsuk-list--bullet">
            <li>"talk to a trusted adult: a parent or carer, a teacher or your tutor"</li>
            <li>"talk to your school or college's pastoral or wellbeing team"</li>
            <li><strong>"Childline"</strong>": call "<a class="nhsuk-link" href="tel:08001111">"0800 1111"</a>", free and confidential, any time (for anyone under 19)"</li>
            <li><strong>"Samaritans"</strong>": call "<a class="nhsuk-link" href="tel:116123">"116 123"</a>", free, any time"</li>
            <li>"if you need help urgently, call NHS "<a class="nhsuk-link" href="tel:111">"111"</a>", or "<a class="nhsuk-link" href="tel:999">"999"</a>" in an emergency"</li>
        </ul>
    }
}

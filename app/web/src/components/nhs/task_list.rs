//! The task list: the modules of a placement with their status.

use super::{Tag, TagColour};
use crate::router::{Link, Route};
use leptos::prelude::*;

#[derive(Clone, Debug)]
pub struct TaskListItem {
    pub title: String,
    pub hint: Option<String>,
    pub to: Route,
    pub status: String,
    pub colour: TagColour,
}

/// `id_prefix` makes the ids that tie each link to its hint and status unique.
#[component]
pub fn TaskList(#[prop(into)] id_prefix: String, items: Vec<TaskListItem>) -> impl IntoView {
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let hint_id = format!("{id_prefix}-{}-hint", i + 1);
            let status_id = format!("{id_prefix}-{}-status", i + 1);
            let described_by = match item.hint {
                Some(_) => format!("{hint_id} {status_id}"),
                None => status_id.clone(),
            };
            view! {
                <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                    <div class="nhsuk-task-list__name-and-hint">
                        <Link to=item.to class="nhsuk-task-list__link nhsuk-link" described_by=described_by>
                            {item.title}
                        </Link>
                        {item.hint.map(|hint| view! { <div class="nhsuk-task-list__hint" id=hint_id>{hint}</div> })}
                    </div>
                    <div class="nhsuk-task-list__status" id=status_id>
                        <Tag colour=item.colour text=item.status />
                    </div>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="nhsuk-task-list">{rows}</ul> }
}

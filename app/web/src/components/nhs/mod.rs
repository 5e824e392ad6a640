//! NHS design-system components, with the markup and ARIA of nhsuk-frontend 10.6.1's
//! templates. Behaviours that nhsuk's JavaScript would add are written here in Rust,
//! so nothing but Leptos edits the DOM.

mod back_link;
mod button;
mod card;
mod error_summary;
mod footer;
mod header;
mod inset_text;
mod pagination;
mod skip_link;
mod tag;
mod task_list;
mod warning_callout;

pub use back_link::BackLink;
pub use button::{Button, ButtonVariant};
pub use card::Card;
pub use error_summary::{ErrorItem, ErrorSummary};
pub use footer::Footer;
pub use header::Header;
pub use inset_text::InsetText;
pub use pagination::{Pagination, PaginationLink};
pub use skip_link::SkipLink;
pub use tag::{Tag, TagColour};
pub use task_list::{TaskList, TaskListItem};
pub use warning_callout::WarningCallout;

//! Components: `nhs/` holds NHS design-system pieces named after their
//! nhsuk-frontend templates; the rest are Wex's own widgets.

pub mod doc;
pub mod drop_zone;
pub mod field;
pub mod listen;
pub mod nhs;
pub mod page_heading;
pub mod player;
pub mod qr;
pub mod support;

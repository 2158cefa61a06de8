//! The user interface: hash routes, German formats, and (in the browser) the Leptos views.
//! Views call domain functions and hold no business rules.

pub mod chart;
pub mod format;
pub mod forms;
pub mod report_query;
pub mod route;
pub mod table;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod backup_folder;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod pwa;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod tabs;

#[cfg(target_arch = "wasm32")]
pub use app::start;

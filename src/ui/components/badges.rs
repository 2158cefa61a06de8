//! Small marks: segment and class badges, what tells a group apart.

use crate::domain::casting::Casting;
use crate::texts;
use leptos::prelude::*;

/// What tells a group apart from others of the same name: members, customer number, last
/// and next contact.
pub fn group_marks(
    book: &crate::domain::book::Book,
    group: &crate::domain::model::Group,
) -> impl IntoView {
    let marks = crate::domain::safety::identity::group_marks(book, group);
    view! { <span class="marks" data-testid="group-marks">{texts::identity::group_marks(&marks)}</span> }
}

/// A segment badge.
#[component]
pub fn SegmentBadge(segment: crate::domain::vocab::Segment) -> impl IntoView {
    view! { <span class=format!("badge seg-{}", segment.key())>{texts::segment(segment)}</span> }
}

/// The class of a group's current casting and its target frequency; a dash when not cast.
pub fn class_badge(casting: Option<&Casting>) -> AnyView {
    let Some(c) = casting else {
        return view! { <span class="badge class-none" title="nicht gecastet">"–"</span> }
            .into_any();
    };
    let class = c.class();
    let manual = if c.manual.is_some() { " (manuell)" } else { "" };
    let text = format!(
        "{} · {}",
        texts::class_name(class),
        texts::per_year(c.rule.contacts())
    );
    let label = format!(
        "Klasse {}{manual}, {}",
        texts::class_name(class),
        texts::per_year(c.rule.contacts())
    );
    view! {
        <span class=format!("badge class-{}", class.key()) title=label.clone() aria-label=label>
            {text}{c.manual.is_some().then_some("*")}
        </span>
    }
    .into_any()
}

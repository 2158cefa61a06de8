//! Copy-on-write sharing for the book's collections. Cloning a book shares them; the first
//! change to a shared collection copies that one collection. So the copies the app keeps (the
//! book on screen, the stored state, the undo) cost nothing, and comparing two books skips
//! every collection they still share.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

#[derive(Debug, Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    /// Copies the collection first if another book still shares it.
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_copies_only_a_shared_collection() {
        let mut a: Shared<Vec<u32>> = Shared(Arc::new(vec![1, 2]));
        let b = a.clone();
        assert!(std::ptr::eq(&*a, &*b), "clones share");
        a.push(3);
        assert_eq!(
            (a[..].to_vec(), b[..].to_vec()),
            (vec![1, 2, 3], vec![1, 2])
        );
        assert!(!std::ptr::eq(&*a, &*b));
        let before = &*a as *const Vec<u32>;
        a.push(4);
        assert_eq!(before, &*a as *const Vec<u32>, "no copy once it is our own");
        assert_ne!(a, b);
        assert_eq!(a.clone(), a);
    }
}

//! Uniqueness engine: "how unique is this post?" against the user's archive,
//! queue, drafts and the posts on the current page.
//!
//! Semantics (text.ru / Advego / Content-Watch): the draft is cut into word
//! *shingles* (hashed windows of consecutive normalised words, see
//! [`ShingleConfig`]); its **uniqueness** is the share of its distinct
//! shingles found in no other document. Each overlapping document is
//! reported with exact containment and Jaccard scores and the matching
//! fragments as UTF-16 ranges of the original draft.
//!
//! The index is exact: an inverted index from 48-bit shingle hash to the
//! documents holding it (a compact sorted base plus a small mutable delta),
//! so every score equals the brute-force value ([`reference`]) up to 48-bit
//! hash collisions (about 1e-8 per lookup at 3 million shingles).

mod check;
mod delta;
mod format;
mod hash;
mod ids;
mod index;
mod packed;
pub mod reference;
mod serial;
mod shingle;
mod stopwords;
mod store;
mod tokenize;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(test)]
mod tests;

pub use check::{CheckOptions, CheckResult, CheckScratch, Fragment, Match};
pub use format::INDEX_FORMAT;
pub use index::{IndexStats, UniquenessIndex};
pub use packed::split_utf16;
pub use shingle::ShingleConfig;

use serde::{Deserialize, Serialize};

/// Where a document comes from; checks can be limited to some kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// Already published.
    Archive,
    /// Scheduled.
    Queue,
    /// Another draft.
    Draft,
    /// Scraped from the page the user is on (ephemeral).
    Page,
}

impl DocKind {
    pub fn parse(s: &str) -> Result<Self, UniquenessError> {
        match s {
            "archive" => Ok(Self::Archive),
            "queue" => Ok(Self::Queue),
            "draft" => Ok(Self::Draft),
            "page" => Ok(Self::Page),
            other => Err(UniquenessError::BadKind(other.chars().take(40).collect())),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Archive => "archive",
            Self::Queue => "queue",
            Self::Draft => "draft",
            Self::Page => "page",
        }
    }

    pub(crate) fn code(self) -> u8 {
        self as u8
    }

    /// The kind with this code (archive 0, queue 1, draft 2, page 3), the
    /// form the packed bulk load uses.
    pub fn from_code(code: u8) -> Option<Self> {
        [Self::Archive, Self::Queue, Self::Draft, Self::Page]
            .get(usize::from(code))
            .copied()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UniquenessError {
    #[error("unknown document kind {0:?} (expected archive, queue, draft or page)")]
    BadKind(String),
    #[error("shingle sizes must be between 1 and 32")]
    BadConfig,
    #[error("too many documents in one index")]
    TooManyDocuments,
    #[error("serialised index is corrupt: {0}")]
    Corrupt(&'static str),
    #[error("serialised index has unsupported version {0}")]
    UnsupportedVersion(u32),
}

crate::variants!(UniquenessError {
    BadKind(_),
    BadConfig,
    TooManyDocuments,
    Corrupt(_),
    UnsupportedVersion(_),
});

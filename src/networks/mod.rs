//! Per-network counting and thread splitting.
//!
//! - [`rules`]: the table of networks (stable ids, limits, units).
//! - [`count_text`]: count a text the way a network does, with the overflow
//!   range and the entities (URLs, hashtags, mentions, cashtags) as UTF-16
//!   offsets of the original text, ready for the panel's highlighting.
//! - [`split_thread`]: cut a long text into numbered parts that each fit.
//! - [`extract_entities`]: the entities alone.
//! - [`to_short_url`]: Bluesky's shortened form of a link; the URL parser
//!   behind it is installed by the binding ([`set_url_parser`]).
//!
//! Everything works on the text as typed; X's NFC normalization is applied
//! per grapheme cluster inside the weight function so that offsets never
//! refer to a normalized copy.

mod bluesky_links;
mod breaks;
mod count;
mod entities;
mod resolve;
mod rules;
mod sentences;
mod shorten;
mod sigils;
mod split;
mod text;
mod threads;
mod tld;
mod urls;
mod weight;

#[cfg(test)]
mod tests;

pub use bluesky_links::ShortenedLink;
pub use count::{count_text, CountResult, Measure};
pub use entities::{
    extract_entities, CashtagEntity, Entities, HashtagEntity, MentionEntity, UrlEntity,
};
pub use rules::{
    network_rules, rule, CountOptions, ExtraLimit, LimitVariant, NetworkId, NetworkRule,
    RedditField, TelegramMode, Unit,
};
pub use shorten::{set_url_parser, to_short_url, UrlParser, UrlParts};
pub use split::{split_thread, ThreadPart};
pub use text::TextRange;

use thiserror::Error;

/// Everything that can go wrong in this module.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NetworksError {
    #[error("unknown network id {0:?}")]
    UnknownNetwork(String),
    #[error("invalid character limit {0}: it must be at least 1")]
    InvalidLimit(u32),
    #[error("the limit {limit} is too small to fit even one character plus the part numbering")]
    LimitTooSmall { limit: usize },
    #[error(
        "a single character at UTF-16 offset {offset} is longer than the limit and cannot be split"
    )]
    GraphemeTooLong { offset: usize },
    #[error("the text needs too many parts to number")]
    TooManyParts,
}

crate::variants!(NetworksError {
    UnknownNetwork(_),
    InvalidLimit(_),
    LimitTooSmall { .. },
    GraphemeTooLong { .. },
    TooManyParts,
});

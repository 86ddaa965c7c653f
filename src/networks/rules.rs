//! The rules table: one entry per network, with stable string ids.
//!
//! The table is data, not logic: the counter (`count.rs`) reads a
//! [`Resolved`] budget made from a rule plus the caller's options, so adding a
//! network or changing a number never touches the counting code.

use serde::{Deserialize, Serialize};

use super::NetworksError;

/// A network Glider can draft for. The serde names are the stable ids the
/// extension stores, so they must never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NetworkId {
    X,
    Mastodon,
    Bluesky,
    Threads,
    LinkedIn,
    Facebook,
    Instagram,
    Vk,
    Telegram,
    Reddit,
    Generic,
}

impl NetworkId {
    /// Every network, in the order the panel lists them.
    pub const ALL: [NetworkId; 11] = [
        NetworkId::X,
        NetworkId::Mastodon,
        NetworkId::Bluesky,
        NetworkId::Threads,
        NetworkId::LinkedIn,
        NetworkId::Facebook,
        NetworkId::Instagram,
        NetworkId::Vk,
        NetworkId::Telegram,
        NetworkId::Reddit,
        NetworkId::Generic,
    ];

    /// The stable string id (same as the serde name).
    pub fn id(self) -> &'static str {
        rule(self).id_str
    }

    /// Parse a stable id; ids are matched exactly (lowercase) so a typo is an
    /// error rather than a silent fallback to "generic".
    pub fn parse(id: &str) -> Result<NetworkId, NetworksError> {
        RULES
            .iter()
            .find(|r| r.id_str == id)
            .map(|r| r.id)
            .ok_or_else(|| NetworksError::UnknownNetwork(id.to_string()))
    }
}

impl std::str::FromStr for NetworkId {
    type Err = NetworksError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NetworkId::parse(s)
    }
}

/// What a limit is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// twitter-text v3 weighted characters (X).
    WeightedChars,
    /// Extended grapheme clusters (what a person sees as one character).
    Graphemes,
    /// UTF-8 bytes.
    Utf8Bytes,
    /// UTF-16 code units (JavaScript `String.length`, Java's `length()`).
    Utf16Units,
    /// Unicode code points (Python's `len`).
    CodePoints,
    /// Threads: a grapheme cluster counts 1, an emoji its UTF-8 bytes
    /// (`threads.rs` says which clusters are emoji).
    EmojiBytes,
    /// Number of hashtags.
    Hashtags,
    /// Number of distinct links (Threads).
    Links,
}

/// Telegram has two budgets depending on whether the text is a message or
/// the caption of a photo/video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TelegramMode {
    #[default]
    Message,
    Caption,
}

/// Reddit posts have a short title and a long body, limited separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RedditField {
    Title,
    #[default]
    Body,
}

/// Per-call options. Options that do not apply to the network are ignored,
/// so the panel can pass one options object for every network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CountOptions {
    /// Mastodon only: the instance's character limit (many run above 500).
    pub instance_limit: Option<u32>,
    pub telegram_mode: TelegramMode,
    pub reddit_field: RedditField,
    /// X only: the account has X Premium (25,000 weighted characters).
    pub x_premium: bool,
}

/// A limit besides the primary one (Bluesky bytes, Instagram hashtags,
/// Threads links).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraLimit {
    pub unit: Unit,
    pub limit: u32,
}

/// A limit selected by an option value (Telegram caption, Reddit title).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitVariant {
    /// The `CountOptions` field (camelCase) that selects it.
    pub option: &'static str,
    pub value: &'static str,
    pub limit: u32,
    pub is_default: bool,
}

/// One row of the rules table, serialized as is for `networkRules()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkRule {
    pub id: NetworkId,
    #[serde(skip)]
    id_str: &'static str,
    pub label: &'static str,
    /// Primary limit for the default options; `None` = no limit.
    pub limit: Option<u32>,
    pub unit: Unit,
    /// Every URL counts this much, whatever its length (X, Mastodon).
    pub url_length: Option<u32>,
    /// Only `http(s)://` URLs get `url_length` (Mastodon does not link bare
    /// domains, so they count as plain text there).
    pub url_needs_scheme: bool,
    /// `@user@domain` counts only `@user` (Mastodon).
    pub mention_domain_free: bool,
    /// Mastodon: the limit can be replaced by `instanceLimit`.
    pub configurable_limit: bool,
    /// Bluesky: `http(s)://` links count as the shortened text the app posts
    /// in their place (`shorten.rs`).
    pub shortens_links: bool,
    pub extra_limits: &'static [ExtraLimit],
    pub variants: &'static [LimitVariant],
}

const fn row(id: NetworkId, id_str: &'static str, label: &'static str) -> NetworkRule {
    NetworkRule {
        id,
        id_str,
        label,
        limit: None,
        unit: Unit::Graphemes,
        url_length: None,
        url_needs_scheme: false,
        mention_domain_free: false,
        configurable_limit: false,
        shortens_links: false,
        extra_limits: &[],
        variants: &[],
    }
}

const fn limited(mut r: NetworkRule, limit: u32) -> NetworkRule {
    r.limit = Some(limit);
    r
}

/// twitter-text config/v3.json: maxWeightedTweetLength 280, scale 100,
/// defaultWeight 200, transformedURLLength 23, emojiParsingEnabled true
/// (github.com/twitter/twitter-text, config/v3.json). Weights live in
/// `weight.rs`.
pub(crate) const X_LIMIT: u32 = 280;
/// X Premium's longer posts: 25,000 characters, counted with the same
/// weights (Buffer's developer guide "Character Limits", X Basic/Premium/
/// Premium+ 25,000; Publer's "Twitter/X Long-Form Posts": "up to 25,000
/// characters", Premium at every tier; both read 2026-12-03). X's own help
/// pages were not reachable to cite.
pub(crate) const X_PREMIUM_LIMIT: u32 = 25_000;
/// transformedURLLength from the same config; Mastodon uses the same 23.
pub(crate) const URL_LENGTH: u32 = 23;

/// The table. Order = `NetworkId::ALL`.
///
/// The unit of each limit, and where it comes from (all read 2026-12-03):
///
/// | network | limit | unit | source |
/// |---|---|---|---|
/// | X | 280 / 25,000 Premium | weighted | twitter-text config v3 (above) |
/// | Mastodon | 500 or the instance's | graphemes | mastodon/mastodon `app/javascript/mastodon/features/compose/util/counter.js` puts 23 characters in place of each URL and `@user` in place of `@user@domain` (unchanged here by issue 18) |
/// | Bluesky | 300 graphemes, 3,000 bytes | graphemes | bluesky-social/atproto `lexicons/app/bsky/feed/post.json`: `text` maxGraphemes 300, maxLength 3000; counted on the text the app posts, links shortened (`shorten.rs`) |
/// | Threads | 500, 5 links | emoji as UTF-8 bytes | Meta, "Threads Posts" > Limitations (updated 2026-04-14): "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes."; Meta, "Text Attachments" (updated 2026-07-02): from 2025-12-22 a post with more than 5 links fails, "all unique URLs found in the text field are counted as links" (`threads.rs`) |
/// | LinkedIn | 3,000 | UTF-16 units | LinkedIn documents no unit. Buffer's developer guide "Character Limits" counts LinkedIn's 3,000 in UTF-16 code units and warns that posts with emoji or bold/italic Unicode letters (two units each) that look under the limit are rejected |
/// | Facebook | 63,206 | UTF-16 units | the limit: Upload-Post and Ayrshare limit references; no source states the unit, so the strictest of graphemes ≤ code points ≤ UTF-16 units is used: whichever of the three the network counts, a post we pass is not refused for length (the cost: an emoji counts 2) |
/// | Instagram | 2,200, 30 hashtags | UTF-16 units | the limit: Ayrshare's Instagram API reference, "Maximum 2,200 post characters"; no source found states the unit, so as Facebook; Buffer's guide counts it in UTF-16 units |
/// | VK | 15,895 | UTF-16 units | no source found states the unit; as Facebook |
/// | Telegram | 4,096 / 1,024 caption | UTF-16 units | unchanged here by issue 18 |
/// | Reddit | 300 title / 40,000 body | code points | reddit-archive/reddit `r2/r2/controllers/validator/validator.py`: `VLength.run` refuses `len(text) > max_length` on Python unicode (code points), `VTitle` 300, `VSelfText` 10,000 × 4 in self-post subreddits |
static RULES: [NetworkRule; 11] = [
    NetworkRule {
        unit: Unit::WeightedChars,
        url_length: Some(URL_LENGTH),
        variants: &[
            LimitVariant {
                option: "xPremium",
                value: "false",
                limit: X_LIMIT,
                is_default: true,
            },
            LimitVariant {
                option: "xPremium",
                value: "true",
                limit: X_PREMIUM_LIMIT,
                is_default: false,
            },
        ],
        ..limited(row(NetworkId::X, "x", "X"), X_LIMIT)
    },
    NetworkRule {
        url_length: Some(URL_LENGTH),
        url_needs_scheme: true,
        mention_domain_free: true,
        configurable_limit: true,
        ..limited(row(NetworkId::Mastodon, "mastodon", "Mastodon"), 500)
    },
    NetworkRule {
        shortens_links: true,
        extra_limits: &[ExtraLimit {
            unit: Unit::Utf8Bytes,
            limit: 3_000,
        }],
        ..limited(row(NetworkId::Bluesky, "bluesky", "Bluesky"), 300)
    },
    NetworkRule {
        unit: Unit::EmojiBytes,
        extra_limits: &[
            ExtraLimit {
                unit: Unit::Links,
                limit: 5,
            },
            // What a person sees, kept visible: the web composer may count
            // this way. Never the binding limit (an emoji is at least 1 here
            // and at least 2 bytes above).
            ExtraLimit {
                unit: Unit::Graphemes,
                limit: 500,
            },
        ],
        ..limited(row(NetworkId::Threads, "threads", "Threads"), 500)
    },
    NetworkRule {
        unit: Unit::Utf16Units,
        ..limited(row(NetworkId::LinkedIn, "linkedin", "LinkedIn"), 3_000)
    },
    NetworkRule {
        unit: Unit::Utf16Units,
        ..limited(row(NetworkId::Facebook, "facebook", "Facebook"), 63_206)
    },
    NetworkRule {
        unit: Unit::Utf16Units,
        extra_limits: &[ExtraLimit {
            unit: Unit::Hashtags,
            limit: 30,
        }],
        ..limited(row(NetworkId::Instagram, "instagram", "Instagram"), 2_200)
    },
    // VK wall post.
    NetworkRule {
        unit: Unit::Utf16Units,
        ..limited(row(NetworkId::Vk, "vk", "VK"), 15_895)
    },
    NetworkRule {
        unit: Unit::Utf16Units,
        variants: &[
            LimitVariant {
                option: "telegramMode",
                value: "message",
                limit: 4_096,
                is_default: true,
            },
            LimitVariant {
                option: "telegramMode",
                value: "caption",
                limit: 1_024,
                is_default: false,
            },
        ],
        ..limited(row(NetworkId::Telegram, "telegram", "Telegram"), 4_096)
    },
    NetworkRule {
        unit: Unit::CodePoints,
        variants: &[
            LimitVariant {
                option: "redditField",
                value: "title",
                limit: 300,
                is_default: false,
            },
            LimitVariant {
                option: "redditField",
                value: "body",
                limit: 40_000,
                is_default: true,
            },
        ],
        ..limited(row(NetworkId::Reddit, "reddit", "Reddit"), 40_000)
    },
    row(NetworkId::Generic, "generic", "Generic"),
];

/// The whole table.
pub fn network_rules() -> &'static [NetworkRule] {
    &RULES
}

/// The rule of one network.
pub fn rule(network: NetworkId) -> &'static NetworkRule {
    // ALL and RULES share the enum's declaration order, so the discriminant
    // is the index; `get` keeps this panic-free even if that ever drifts.
    RULES
        .get(network as usize)
        .filter(|r| r.id == network)
        .unwrap_or(&RULES[RULES.len() - 1])
}

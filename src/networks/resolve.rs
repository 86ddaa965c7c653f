//! A network's rule with the caller's options applied: the budget that the
//! counter and the splitter check.

use super::rules::{rule, CountOptions, NetworkId, RedditField, TelegramMode, Unit};
use super::NetworksError;

/// A rule with the caller's options applied: the budget the counter checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub network: NetworkId,
    pub unit: Unit,
    pub limit: Option<usize>,
    pub extra: Vec<(Unit, usize)>,
    pub url_length: Option<usize>,
    pub url_needs_scheme: bool,
    pub mention_domain_free: bool,
    pub shortens_links: bool,
}

/// Apply options to a network's rule.
pub(crate) fn resolve(
    network: NetworkId,
    options: &CountOptions,
) -> Result<Resolved, NetworksError> {
    let r = rule(network);
    let mut limit = r.limit;
    if r.configurable_limit {
        if let Some(custom) = options.instance_limit {
            if custom == 0 {
                return Err(NetworksError::InvalidLimit(custom));
            }
            limit = Some(custom);
        }
    }
    let selected = match network {
        NetworkId::Telegram => Some(match options.telegram_mode {
            TelegramMode::Message => "message",
            TelegramMode::Caption => "caption",
        }),
        NetworkId::Reddit => Some(match options.reddit_field {
            RedditField::Title => "title",
            RedditField::Body => "body",
        }),
        NetworkId::X => Some(if options.x_premium { "true" } else { "false" }),
        _ => None,
    };
    if let Some(value) = selected {
        if let Some(v) = r.variants.iter().find(|v| v.value == value) {
            limit = Some(v.limit);
        }
    }
    Ok(Resolved {
        network,
        unit: r.unit,
        limit: limit.map(|l| l as usize),
        extra: r
            .extra_limits
            .iter()
            .map(|e| (e.unit, e.limit as usize))
            .collect(),
        url_length: r.url_length.map(|l| l as usize),
        url_needs_scheme: r.url_needs_scheme,
        mention_domain_free: r.mention_domain_free,
        shortens_links: r.shortens_links,
    })
}

//! The key scheme: which record lives under which `storage.local` key.

use std::fmt;

use super::StorageError;

/// Number of post-index buckets. Part of schema v3 (recorded in the `schema`
/// record) because changing it moves ids between buckets and needs a migration.
pub const INDEX_BUCKETS: u8 = 64;

/// A parsed storage key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKey {
    Schema,
    Settings,
    ProjectIndex,
    /// `index:post:<bb>`, `bb` = two lowercase hex digits below [`INDEX_BUCKETS`].
    PostIndex(u8),
    Post(String),
    Project(String),
    /// `corrupt:<original key>`.
    Quarantine(String),
}

impl RecordKey {
    pub fn parse(key: &str) -> Result<Self, StorageError> {
        let unknown = || StorageError::UnknownKey(key.to_string());
        match key {
            "schema" => return Ok(RecordKey::Schema),
            "settings" => return Ok(RecordKey::Settings),
            "index:project" => return Ok(RecordKey::ProjectIndex),
            _ => {}
        }
        if let Some(hex) = key.strip_prefix("index:post:") {
            // Exactly two lowercase hex digits, so every bucket has one spelling.
            let ok = hex.len() == 2
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            let bucket = u8::from_str_radix(hex, 16)
                .ok()
                .filter(|b| ok && *b < INDEX_BUCKETS);
            return bucket.map(RecordKey::PostIndex).ok_or_else(unknown);
        }
        let (kind, rest) = key.split_once(':').ok_or_else(unknown)?;
        if rest.is_empty() {
            return Err(unknown());
        }
        match kind {
            "post" => Ok(RecordKey::Post(rest.to_string())),
            "project" => Ok(RecordKey::Project(rest.to_string())),
            "corrupt" => Ok(RecordKey::Quarantine(rest.to_string())),
            _ => Err(unknown()),
        }
    }

    pub fn post(id: &str) -> Self {
        RecordKey::Post(id.to_string())
    }

    pub fn project(id: &str) -> Self {
        RecordKey::Project(id.to_string())
    }

    /// The index record that lists this key's id, for posts and projects.
    pub fn index_key(&self) -> Option<RecordKey> {
        match self {
            RecordKey::Post(id) => Some(RecordKey::PostIndex(bucket_of(id))),
            RecordKey::Project(_) => Some(RecordKey::ProjectIndex),
            _ => None,
        }
    }

    /// The item id for posts and projects.
    pub fn id(&self) -> Option<&str> {
        match self {
            RecordKey::Post(id) | RecordKey::Project(id) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordKey::Schema => f.write_str("schema"),
            RecordKey::Settings => f.write_str("settings"),
            RecordKey::ProjectIndex => f.write_str("index:project"),
            RecordKey::PostIndex(b) => write!(f, "index:post:{b:02x}"),
            RecordKey::Post(id) => write!(f, "post:{id}"),
            RecordKey::Project(id) => write!(f, "project:{id}"),
            RecordKey::Quarantine(k) => write!(f, "corrupt:{k}"),
        }
    }
}

/// The index bucket of a post id: FNV-1a (32-bit) of its UTF-8 bytes, modulo
/// [`INDEX_BUCKETS`]. FNV rather than std's hasher because the bucket is
/// persisted and must never change between builds or platforms.
pub fn bucket_of(id: &str) -> u8 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    // The remainder is below 64, so the cast cannot truncate.
    (hash % u32::from(INDEX_BUCKETS)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_keys_round_trip() {
        for key in [
            "schema",
            "settings",
            "index:project",
            "index:post:00",
            "index:post:3f",
            "post:a:b",
            "project:__proto__",
            "corrupt:post:x",
        ] {
            let parsed = RecordKey::parse(key).unwrap();
            assert_eq!(parsed.to_string(), key);
        }
    }

    #[test]
    fn storage_keys_reject_unknown_and_noncanonical() {
        for key in [
            "",
            "post:",
            "posts:a",
            "index:post:40",
            "index:post:0A",
            "index:post:1",
            "glider",
            "index",
        ] {
            assert_eq!(
                RecordKey::parse(key),
                Err(StorageError::UnknownKey(key.to_string())),
                "{key}"
            );
        }
    }

    #[test]
    fn storage_buckets_are_stable_and_spread() {
        // Pinned values: a change here silently orphans every stored index.
        assert_eq!(bucket_of(""), (0x811c_9dc5_u32 % 64) as u8);
        assert_eq!(bucket_of("a"), (0xe40c_292c_u32 % 64) as u8);
        let mut counts = [0u32; INDEX_BUCKETS as usize];
        for i in 0..10_000 {
            counts[bucket_of(&format!("post-{i}")) as usize] += 1;
        }
        let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(*min > 100 && *max < 230, "uneven buckets {min}..{max}");
        assert_eq!(
            RecordKey::post("x").index_key(),
            Some(RecordKey::PostIndex(bucket_of("x")))
        );
    }
}

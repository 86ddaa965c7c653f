//! v4 → v5: an X account of a project may be marked Premium
//! (`NetworkAccount::premium`, issue 18: 25,000 weighted characters).
//!
//! The field is optional and absent from every v4 record, so no record
//! changes: the step exists for the version stamp. A v4 build decodes
//! projects with `deny_unknown_fields`; meeting a v5 project with a Premium
//! account it would report it corrupt (and a migration would quarantine
//! it), whereas the stamp makes it stop with `FutureVersion` and keep the
//! data, as v3 → v4 did for thread posts.

use super::StorageMap;
use crate::storage::StorageError;

pub(super) fn to_v5(
    _state: &mut StorageMap,
    _warnings: &mut Vec<String>,
) -> Result<(), StorageError> {
    Ok(())
}

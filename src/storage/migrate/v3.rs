//! v3 → v4: posts may be kept as a thread (`thread`) and may record a
//! "schedule anyway" decision (`ruleOverride`).
//!
//! Both fields are optional and absent from every v3 record, so no record
//! changes: the step exists for the version stamp. A v3 build decodes posts
//! with `deny_unknown_fields`; meeting a v4 thread post it would quarantine
//! it, whereas the stamp makes it stop with `FutureVersion` and keep the data.

use super::StorageMap;
use crate::storage::StorageError;

pub(super) fn to_v4(
    _state: &mut StorageMap,
    _warnings: &mut Vec<String>,
) -> Result<(), StorageError> {
    Ok(())
}

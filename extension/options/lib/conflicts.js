// Why a schedule was refused. The worker enforces the frequency rules; when
// its RuleConflict reply does not list the conflicts, the same pure check
// runs here in the core (no storage involved) so the user still sees which
// rule failed and why.
import { loadCore } from '../../shared/core.js';
import { conflictsOf, describeConflict, describeError } from './errors.js';
import { postById, projectById, store, zoneOf } from './store.js';

/** Lines explaining a failed `post.schedule` of `post` to `at`. */
export async function explainScheduleError(err, post, at) {
  if (err?.variant !== 'RuleConflict') return [];
  let conflicts = conflictsOf(err);
  if (!conflicts.length) {
    try {
      const core = await loadCore();
      const project = projectById(post.projectId);
      if (project && core.checkSchedule) conflicts = core.checkSchedule(project, store.posts, post, at, Date.now()) ?? [];
    } catch {
      conflicts = [];
    }
  }
  const lines = conflicts.map((c) => describeConflict(c, zoneOf(post)));
  return lines.length ? lines : [err.message || describeError(err)];
}

/** Lines explaining a refused batch (`posts.reschedule`): each conflict with the post it is about. */
export function explainBatchError(err, zone) {
  if (err?.variant !== 'RuleConflict') return [];
  return conflictsOf(err).map((c) => {
    const text = String(postById(c.postId)?.text ?? c.postId ?? '').split('\n')[0].slice(0, 60);
    return `${text}: ${describeConflict(c, zone)}`;
  });
}

// When a post is (or was) on the plan: the instant the calendar shows it at,
// the queue sorts it by, and `posts.list` windows on. Shared by the worker
// and the dashboard so both agree on what "in this month" means.

/** The post's plan time (UTC ms), or null when it has none. */
export function planTime(post) {
  if (post.status === 'published' || post.status === 'expired' || post.status === 'archived') {
    return post.publishedAt ?? post.scheduledAt ?? null;
  }
  return post.scheduledAt ?? null;
}

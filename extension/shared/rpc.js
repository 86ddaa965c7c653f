// Request/response to the worker. Every reply is `{ ok, result }` or
// `{ ok: false, error: { variant, message } }`; a failure becomes an Error
// carrying the stable `variant` so callers can switch on it.
import { api } from './api.js';

export class WorkerError extends Error {
  constructor({ variant = 'Internal', message = 'unknown error', details } = {}) {
    super(message);
    this.variant = variant;
    this.details = details;
  }
}

export async function call(type, fields = {}) {
  let reply;
  try {
    reply = await api.runtime.sendMessage({ type, ...fields });
  } catch (err) {
    // The worker was restarting (killed, updated): one retry wakes it.
    reply = await api.runtime.sendMessage({ type, ...fields }).catch(() => null);
    if (!reply) throw new WorkerError({ variant: 'Unavailable', message: String(err?.message ?? err) });
  }
  if (!reply) throw new WorkerError({ variant: 'Unavailable', message: 'no reply from the background worker' });
  if (!reply.ok) throw new WorkerError(reply.error);
  return reply.result;
}

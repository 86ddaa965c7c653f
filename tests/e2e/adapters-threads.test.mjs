// Threads adapter on the Lexical plain-text fixture: the "New thread" dialog, closed (the
// adapter clicks "What's new?") and open.
import { behaviourCases } from './lib/behaviour.mjs';
import { matrix, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['threads']);
matrix(env, { network: 'threads', variant: 'new-thread-dialog', url: 'https://www.threads.net/' });
behaviourCases(env, { network: 'threads', url: 'https://www.threads.net/' });

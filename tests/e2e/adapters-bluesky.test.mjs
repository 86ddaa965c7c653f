// Bluesky adapter on the TipTap (ProseMirror) fixture: the compose dialog configured like
// bsky.app, closed (the adapter clicks the compose button) and open; and a STOCK TipTap
// (StarterKit, ProseMirror's default clipboard handling), so the adapter follows the editor
// library, not the details of one configuration.
import { behaviourCases } from './lib/behaviour.mjs';
import { matrix, useFixtures } from './lib/matrix.mjs';

const env = useFixtures(['bluesky']);
matrix(env, { network: 'bluesky', variant: 'bsky-composer', url: 'https://bsky.app/' });
matrix(env, { network: 'bluesky', variant: 'stock-tiptap', url: 'https://bsky.app/?editor=starterkit', states: ['closed'] });
behaviourCases(env, { network: 'bluesky', url: 'https://bsky.app/' });

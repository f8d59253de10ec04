// What erasure (PIPL, docs/privacy.md) leaves of a ledger event about an erased person: every field that carries
// personal data is blanked, everything the figures are computed from stays. Names and phone numbers become the
// tombstone ERASED (a member who had a phone is still a lead, with the same first instant); message texts,
// attributes and tags are removed. Ids, types, instants, communities, amounts, kinds, replies and mentions stay.
import { ERASED } from './mask.js';

type Body = Record<string, unknown>;

/** The event body with the person's data blanked; the same object when there was nothing to blank. */
export function tombstoneBody(body: Body): Body {
  const out: Body = { ...body };
  let changed = false;
  const blank = (k: string) => {
    if (typeof out[k] === 'string' && out[k] !== ERASED) {
      out[k] = ERASED;
      changed = true;
    }
  };
  const drop = (k: string) => {
    if (k in out) {
      delete out[k];
      changed = true;
    }
  };
  switch (body.type) {
    case 'member.joined':
      blank('name');
      break;
    case 'member.profile':
      blank('name');
      blank('phone');
      drop('attributes');
      drop('tags_add');
      drop('tags_remove');
      break;
    case 'message.sent':
      drop('text');
      break;
  }
  return changed ? out : body;
}

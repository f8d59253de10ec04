// What a caller may read: the one rule every read route applies. Owners and analysts read the whole workspace;
// an operator reads only the communities an owner gave them (members outside them are "not found", a community
// outside them is refused, and workspace-wide figures are refused with the list of theirs). Phone numbers are
// shown in full to owners and to users an owner granted `pii`; everyone else sees them masked.
import type { Principal } from './roles.js';

/** null: the whole workspace; otherwise exactly these community ids (possibly none). */
export function readableCommunities(p: Principal): readonly number[] | null {
  return p.role === 'operator' ? p.communities : null;
}

export const canReadCommunity = (p: Principal, community: number): boolean => {
  const mine = readableCommunities(p);
  return mine === null || mine.includes(community);
};

/** null when `community` may be read, else the reason for the 403. */
export function communityReadRefusal(p: Principal, community: number): string | null {
  return canReadCommunity(p, community) ? null : `community ${community} is not assigned to you (signed in as ${p.username}, role ${p.role})`;
}

/** null when workspace-wide figures may be read, else the reason: an operator must pick one of theirs. */
export function workspaceReadRefusal(p: Principal): string | null {
  const mine = readableCommunities(p);
  if (mine === null) return null;
  return mine.length === 0
    ? `no community is assigned to you (signed in as ${p.username}, role operator): ask an owner`
    : `an operator reads one community at a time: pass community= one of yours (${mine.join(', ')})`;
}

/** Whether phone numbers are shown in full (owners, and users granted `pii`; API tokens inherit their user's). */
export const seesFullPhones = (p: Principal): boolean => p.role === 'owner' || p.pii === true;

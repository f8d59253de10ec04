// The read rule: who reads which communities, and who sees phone numbers in full.
import { describe, expect, it } from 'vitest';
import { canReadCommunity, communityReadRefusal, readableCommunities, seesFullPhones, workspaceReadRefusal } from './read-scope.js';
import type { Principal } from './roles.js';

const who = (role: Principal['role'], communities: number[] = [], pii?: boolean): Principal => ({ userId: 1, username: 'u', role, communities, pii });

describe('read scope', () => {
  it('owners and analysts read the whole workspace, whatever communities they carry', () => {
    for (const r of ['owner', 'analyst'] as const) {
      expect(readableCommunities(who(r, [3]))).toBeNull();
      expect(canReadCommunity(who(r, [3]), 9)).toBe(true);
      expect(workspaceReadRefusal(who(r))).toBeNull();
    }
  });
  it('an operator reads only their communities and is told to pick one for workspace figures', () => {
    const op = who('operator', [2, 5]);
    expect(readableCommunities(op)).toEqual([2, 5]);
    expect(canReadCommunity(op, 5)).toBe(true);
    expect(communityReadRefusal(op, 7)).toMatch(/community 7 is not assigned to you/);
    expect(workspaceReadRefusal(op)).toMatch(/community= one of yours \(2, 5\)/);
    expect(workspaceReadRefusal(who('operator'))).toMatch(/no community is assigned/);
  });
  it('full phone numbers: owners always, others only with pii', () => {
    expect(seesFullPhones(who('owner'))).toBe(true);
    expect(seesFullPhones(who('operator', [1]))).toBe(false);
    expect(seesFullPhones(who('analyst'))).toBe(false);
    expect(seesFullPhones(who('analyst', [], true))).toBe(true);
    expect(seesFullPhones(who('operator', [1], true))).toBe(true);
  });
});

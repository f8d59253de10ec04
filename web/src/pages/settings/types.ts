// The settings pages' data, as the contract declares it (GET /api/v1/workspace, /users, /tokens, /audit).
import type { Schema } from '../../api/contract';

export type Role = Schema<'User'>['role'];
export const ROLES: Role[] = ['owner', 'operator', 'analyst'];

export type Workspace = Schema<'Workspace'>;
export type UserItem = Schema<'User'>;
export type TokenItem = Schema<'Token'>;
export type AuditItem = Schema<'AuditEntry'>;

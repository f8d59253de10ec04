// The member page's data: GET /api/v1/members/{id}, as the contract declares it.
import type { Schema } from '../../api/contract';

export type MemberDetail = Schema<'Member'>;
export type Membership = Schema<'Membership'>;
export type HistoryEntry = Membership['history'][number];
export type Order = Schema<'MemberOrder'>;
export type TimelineEvent = MemberDetail['timeline'][number];

// The automation pages' data, as the contract declares it (rules, actions, playbooks, the FAQ).
import type { Schema } from '../../api/contract';

export type RulesAnswer = Schema<'Rules'>;
export type Rule = RulesAnswer['rules'][number];
export type RuleAction = Rule['actions'][number];

/** What the message rules would do with a text (POST /api/v1/rules/test), and what in it matched. */
export type ProposedView = Schema<'RuleTest'>['actions'][number];
export type Hit = ProposedView['hits'][number];
export type DryRunAnswer = Schema<'DryRun'>;

export type Action = Schema<'Action'>;
export type ActionKind = Action['kind'];
export type ActionStatus = Action['status'];
export type ModerationPage = Schema<'Moderation'>;
export type ModerationItem = ModerationPage['items'][number];
export type ModerationKind = keyof ModerationPage['by_kind'];

export type Community = Schema<'Community'>;

export type PlaybooksAnswer = Schema<'Playbooks'>;
export type Playbook = PlaybooksAnswer['playbooks'][number];
export type PlaybookStep = Playbook['steps'][number];

export type PreviewAnswer = Schema<'PlaybookPreview'>;
export type PreviewSend = PreviewAnswer['steps'][number]['sends'][number];

export type CalendarAnswer = Schema<'PlaybookCalendar'>;
export type CalendarRun = CalendarAnswer['days'][number]['runs'][number];

export type FaqAnswer = Schema<'Faq'>;
export type FaqRule = FaqAnswer['rules'][number];
